using System.Net;
using Glance.Domain.Common;

namespace Glance.Stores.Swift;

/// <summary>
/// Requests to one Swift account with Swift's v1 authentication: a token and the account's storage URL
/// from the auth address, kept until Swift answers 401 and then fetched again once.
/// </summary>
internal sealed class SwiftConnection(string storeId, SwiftStoreOptions options, HttpClient http)
{
    private readonly SemaphoreSlim _signIn = new(1, 1);
    private Session? _session;

    public string Container => options.Container;

    /// <summary>
    /// Sends a request made by <paramref name="build"/> (given the container's URL) and returns the
    /// answer when it is a success, or 404 when <paramref name="allowNotFound"/>. A missing object is a
    /// <see cref="FileNotFoundException"/>; anything else that fails is the store being unable to serve now.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Func<string, HttpRequestMessage> build, CancellationToken ct,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead, bool allowNotFound = false, bool retryable = true)
    {
        for (var attempt = 0; ; attempt++)
        {
            var session = await SessionAsync(ct);
            using var request = build($"{session.StorageUrl}/{Uri.EscapeDataString(options.Container)}");
            request.Headers.Add("X-Auth-Token", session.Token);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, completion, ct);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || ex is OperationCanceledException && !ct.IsCancellationRequested)
            {
                throw Unavailable("cannot be reached now", ex);
            }
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0 && retryable)
            {
                // The token expired: sign in again and repeat (a request with a body already sent cannot be).
                response.Dispose();
                Interlocked.CompareExchange(ref _session, null, session);
                continue;
            }
            if (response.IsSuccessStatusCode || allowNotFound && response.StatusCode == HttpStatusCode.NotFound)
            {
                return response;
            }
            var status = (int)response.StatusCode;
            response.Dispose();
            if (status == 404)
            {
                throw new FileNotFoundException($"The object is not in Swift store '{storeId}'.");
            }
            throw Unavailable($"refused the request ({status})", null);
        }
    }

    private async Task<Session> SessionAsync(CancellationToken ct)
    {
        if (_session is { } current)
        {
            return current;
        }
        await _signIn.WaitAsync(ct);
        try
        {
            if (_session is { } signedIn)
            {
                return signedIn;
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, options.AuthUrl);
            request.Headers.Add("X-Auth-User", options.User);
            request.Headers.Add("X-Auth-Key", options.Key);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
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
                var session = new Session(tokens.First(), urls.First().TrimEnd('/'));
                _session = session;
                return session;
            }
        }
        finally
        {
            _signIn.Release();
        }
    }

    private sealed record Session(string Token, string StorageUrl);

    public StoreUnavailableException Unavailable(string what, Exception? inner) =>
        new($"The Swift store '{storeId}' {what}.", inner);
}
