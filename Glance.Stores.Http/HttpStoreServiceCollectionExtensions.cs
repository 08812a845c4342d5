using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Glance.Domain.ImageData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Stores.Http;

public static class HttpStoreServiceCollectionExtensions
{
    /// <summary>Glance's http store follows this many redirects (glance_store's MAX_REDIRECTS).</summary>
    private const int MaxRedirects = 5;

    /// <summary>
    /// An http store from its settings section (<c>Glance:Stores:Backends:{id}</c>). A setting that cannot
    /// work stops start-up naming its key.
    /// </summary>
    public static IServiceCollection AddGlanceHttpStore(this IServiceCollection services, string id, IConfigurationSection section)
    {
        var options = section.Get<HttpStoreOptions>() ?? new HttpStoreOptions();
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = MaxRedirects,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (options.Proxy is { Length: > 0 } proxy)
        {
            if (!Uri.TryCreate(proxy, UriKind.Absolute, out var proxyAddress) || proxyAddress.Scheme is not ("http" or "https"))
            {
                throw new InvalidOperationException($"{section.Path}:Proxy must be the proxy's http(s) address.");
            }
            handler.Proxy = new WebProxy(proxyAddress);
            handler.UseProxy = true;
        }
        // As in glance_store, given authorities are checked even when Insecure is on.
        if (options.CaCertificatesFile is { Length: > 0 } file)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = TrustOnly(LoadAuthorities(section.Path, file));
        }
        else if (options.Insecure)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        // A download streams for as long as its client reads; the store limits the wait for the answer's start.
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        return services.AddSingleton<IImageStore>(new HttpImageStore(id, client));
    }

    private static X509Certificate2Collection LoadAuthorities(string key, string file)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"{key}:CaCertificatesFile: '{file}' cannot be read as PEM certificates ({ex.Message}).", ex);
        }
        if (authorities.Count == 0)
        {
            throw new InvalidOperationException($"{key}:CaCertificatesFile: '{file}' holds no certificate.");
        }
        return authorities;
    }

    /// <summary>Accepts a server certificate for its name whose chain ends at one of <paramref name="authorities"/>, and only then.</summary>
    private static RemoteCertificateValidationCallback TrustOnly(X509Certificate2Collection authorities) =>
        (_, certificate, presented, errors) =>
        {
            if (certificate is not X509Certificate2 server || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
                || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
            {
                return false;
            }
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.1")); // serverAuth
            // The intermediates the server sent lead from its certificate to an authority.
            if (presented is not null)
            {
                chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
            }
            return chain.Build(server);
        };
}
