namespace Glance.E2E;

/// <summary>
/// Where the run's pictures go: <c>TestResults/</c> of the repository when test.sh names it
/// (<c>GLANCE_TEST_RESULTS</c>), beside the test binaries otherwise.
/// </summary>
public static class TestResultsFolder
{
    public static string Screenshots
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("GLANCE_TEST_RESULTS") is { Length: > 0 } named
                ? named
                : Path.Combine(AppContext.BaseDirectory, "TestResults");
            var folder = Path.Combine(root, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }
}
