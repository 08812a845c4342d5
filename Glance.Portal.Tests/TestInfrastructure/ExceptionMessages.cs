namespace Glance.Portal.Tests.TestInfrastructure;

public static class ExceptionMessages
{
    /// <summary>The messages of an exception and of every inner one, joined: what start-up failures say, wherever the host wrapped them.</summary>
    public static string AllMessages(this Exception error) =>
        error.InnerException is null ? error.Message : error.Message + " | " + error.InnerException.AllMessages();
}
