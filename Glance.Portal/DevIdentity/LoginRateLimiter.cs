using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Glance.Portal.DevIdentity;

/// <summary>
/// Password attempts on the embedded provider, through its sign-in page or the password grant, limited
/// per account and client address with the framework's fixed-window limiter: a script guessing one
/// account's password is slowed to <see cref="DevIdentityOptions.LoginAttemptsPerMinute"/> tries a
/// minute, without one noisy client locking anyone else out. The account name is only known once the
/// form is read, which the rate-limiting middleware's partitioner cannot wait for; so each endpoint asks here.
/// </summary>
internal sealed class LoginRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public LoginRateLimiter(IOptions<DevIdentityOptions> options)
    {
        var permits = Math.Max(1, options.Value.LoginAttemptsPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>Takes one attempt for this account from this client; when none is left, how long until the next.</summary>
    public bool TryAttempt(HttpContext context, string? userName, out TimeSpan retryAfter)
    {
        var key = $"{(userName ?? "").Trim().ToLowerInvariant()}\n{context.Connection.RemoteIpAddress}";
        using var lease = _limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return false;
    }

    /// <summary>429 with <c>Retry-After</c> in whole seconds, and the same words for a person and a script.</summary>
    public static IResult TooManyAttempts(HttpContext context, TimeSpan retryAfter, bool json)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = $"Too many sign-in attempts for this account. Wait {seconds} seconds and try again.";
        return json
            ? TypedResults.Json(new Dictionary<string, string> { ["error"] = "temporarily_unavailable", ["error_description"] = message }, statusCode: StatusCodes.Status429TooManyRequests)
            : TypedResults.Text(message, statusCode: StatusCodes.Status429TooManyRequests);
    }

    public void Dispose() => _limiter.Dispose();
}
