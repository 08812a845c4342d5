using System.Net;
using Glance.Domain.Common;

namespace Glance.Stores.Swift;

/// <summary>
/// Requests to one Swift account with Swift's v1 authentication: a token and the account's storage URL
/// from the auth address, signed for again a little before Swift says the token expires, and at once
/// when Swift answers 401.
/// </summary>
internal sealed class SwiftConnection(string storeId, SwiftStoreOptions options, HttpClient http, TimeProvider clock)
{
    /// <summary>A request without a streamed body that Swift has not answered in this time failed.</summary>
    internal static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _signIn = new(1, 1);
    private Session? _session;

    public string Container => options.Container;

    /// <summary>
    /// Sends a request made by <paramref name="build"/> (given the container's URL) and returns the
    /// answer when it is a success, or 404 when <paramref name="allowNotFound"/>. Anything else that fails
    /// is the store being unable to serve now (503), except a 404 when <paramref name="missingIsNotFound"/>
    /// (a read of an object): then the data is missing, a <see cref="FileNotFoundException"/>.
    /// </summary>
    /// <param name="streamed">The request's body streams for as long as its upload lasts: no time limit, and not
    /// repeated after a 401 (its body is spent).</param>
    public async Task<HttpResponseMessage> SendAsync(Func<string, HttpRequestMessage> build, CancellationToken ct,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead, bool allowNotFound = false,
        bool missingIsNotFound = false, bool streamed = false)
    {
        for (var attempt = 0; ; attempt++)
        {
            var session = await SessionAsync(ct);
            using var request = build($"{session.StorageUrl}/{Uri.EscapeDataString(options.Container)}");
            request.Headers.Add("X-Auth-Token", session.Token);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (!streamed)
            {
                limit.CancelAfter(RequestTimeout);
            }
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, completion, limit.Token);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || ex is OperationCanceledException && !ct.IsCancellationRequested)
            {
                throw Unavailable("cannot be reached now", ex);
            }
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                // The token expired or was revoked: the next request signs in again.
                Interlocked.CompareExchange(ref _session, null, session);
                if (attempt == 0 && !streamed)
                {
                    response.Dispose();
                    continue;
                }
            }
            if (response.IsSuccessStatusCode || allowNotFound && response.StatusCode == HttpStatusCode.NotFound)
            {
                return response;
            }
            var status = (int)response.StatusCode;
            response.Dispose();
            if (status == 404 && missingIsNotFound)
            {
                throw new FileNotFoundException($"The object is not in Swift store '{storeId}'.");
            }
            throw Unavailable(status == 404 ? $"has no container '{options.Container}'" : $"refused the request ({status})", null);
        }
    }

    private async Task<Session> SessionAsync(CancellationToken ct)
    {
        if (_session is { } current && current.FreshAt(clock.GetUtcNow()))
        {
            return current;
        }
        await _signIn.WaitAsync(ct);
        try
        {
            if (_session is { } signedIn && signedIn.FreshAt(clock.GetUtcNow()))
            {
                return signedIn;
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, options.AuthUrl);
            request.Headers.Add("X-Auth-User", options.User);
            request.Headers.Add("X-Auth-Key", options.Key);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(RequestTimeout);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, limit.Token);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || ex is OperationCanceledException && !ct.IsCancellationRequested)
            {
                throw Unavailable("cannot be reached now", ex);
            }
            using (response)
            {
                if (!response.IsSuccessStatusCode
                    || !response.Headers.TryGetValues("X-Auth-Token", out var tokens)
                    || !response.Headers.TryGetValues("X-Storage-Url", out var urls))
                {
                    throw Unavailable($"refused to sign in ({(int)response.StatusCode})", null);
                }
                var expires = response.Headers.TryGetValues("X-Auth-Token-Expires", out var seconds)
                    && long.TryParse(seconds.First(), out var left)
                    ? clock.GetUtcNow().AddSeconds(left)
                    : DateTimeOffset.MaxValue;
                var session = new Session(tokens.First(), urls.First().TrimEnd('/'), expires);
                _session = session;
                return session;
            }
        }
        finally
        {
            _signIn.Release();
        }
    }

    /// <summary>A token and where the account is; used until shortly before it expires (an upload may take long).</summary>
    private sealed record Session(string Token, string StorageUrl, DateTimeOffset ExpiresAt)
    {
        public bool FreshAt(DateTimeOffset now) => ExpiresAt == DateTimeOffset.MaxValue || now < ExpiresAt - RefreshBeforeExpiry;
    }

    public StoreUnavailableException Unavailable(string what, Exception? inner) =>
        new($"The Swift store '{storeId}' {what}.", inner);
}
