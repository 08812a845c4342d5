using System.Text.Json.Nodes;

namespace Glance.Portal.Tests.TestInfrastructure;

/// <summary>
/// The real Swift the Swift store's tests use: an all-in-one started by ./test.sh (tests/swift.sh) and
/// announced in GLANCE_TEST_SWIFT_* variables. Each test class gets a container of its own.
/// </summary>
public sealed class TestSwift
{
    public static readonly string? AuthUrl = Environment.GetEnvironmentVariable("GLANCE_TEST_SWIFT_AUTH");
    public static readonly string? User = Environment.GetEnvironmentVariable("GLANCE_TEST_SWIFT_USER");
    public static readonly string? Key = Environment.GetEnvironmentVariable("GLANCE_TEST_SWIFT_KEY");

    public static void Require() => Assert.SkipWhen(AuthUrl is null, "needs Swift: run ./test.sh, which starts one (tests/swift.sh)");

    public string Container { get; } = $"glance-test-{Guid.NewGuid():N}";

    /// <summary>The settings of a swift store with this container (created on the first upload).</summary>
    public IEnumerable<(string Key, string Value)> StoreSettings(string storeId, string? authUrl = null, string? key = null) =>
    [
        ($"Glance:Stores:Backends:{storeId}:Type", "swift"),
        ($"Glance:Stores:Backends:{storeId}:AuthUrl", authUrl ?? AuthUrl!),
        ($"Glance:Stores:Backends:{storeId}:User", User!),
        ($"Glance:Stores:Backends:{storeId}:Key", key ?? Key!),
        ($"Glance:Stores:Backends:{storeId}:Container", Container),
        ($"Glance:Stores:Backends:{storeId}:CreateContainer", "true"),
        ($"Glance:Stores:Backends:{storeId}:LargeObjectSizeMiB", "2"),
        ($"Glance:Stores:Backends:{storeId}:SegmentSizeMiB", "1"),
    ];

    /// <summary>The container's objects, by Swift's own listing; none when no upload has made it yet.</summary>
    public async Task<List<string>> ObjectsAsync()
    {
        using var listed = await SendAsync(HttpMethod.Get, "?format=json");
        if (listed.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return [];
        }
        listed.EnsureSuccessStatusCode();
        return JsonNode.Parse(await listed.Content.ReadAsStringAsync())!.AsArray().Select(o => (string)o!["name"]!).ToList();
    }

    /// <summary>One request to the container (<paramref name="path"/> empty) or below it, signed in with the test user.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path)
    {
        using var auth = new HttpRequestMessage(HttpMethod.Get, AuthUrl) { Headers = { { "X-Auth-User", User }, { "X-Auth-Key", Key } } };
        using var signedIn = await s_http.SendAsync(auth);
        signedIn.EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(method, $"{signedIn.Headers.GetValues("X-Storage-Url").Single()}/{Container}{path}")
        {
            Headers = { { "X-Auth-Token", signedIn.Headers.GetValues("X-Auth-Token").Single() } },
        };
        return await s_http.SendAsync(request);
    }

    private static readonly HttpClient s_http = new();
}
