using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Glance.Portal.Tests.TestInfrastructure;

/// <summary>
/// A real web server on loopback holding files, for the http store: <c>/files/{name}</c> answers byte
/// ranges, <c>/whole/{name}</c> ignores them (as many servers do), <c>/from-start/{name}</c> answers any
/// range with a part from the file's start, <c>/moved/{name}</c> redirects to <c>/files/{name}</c>.
/// Over https with a certificate of its own when asked. It remembers every request (method, path, range).
/// </summary>
public sealed class TestWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestWebServer(WebApplication app, X509Certificate2? certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The server's self-signed certificate, when it serves https.</summary>
    public X509Certificate2? Certificate { get; }

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public string UrlOf(string route, string name) => new Uri(BaseAddress, $"/{route}/{name}").ToString();

    public static async Task<TestWebServer> StartAsync(bool https = false)
    {
        var certificate = https ? SelfSigned() : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var server = new TestWebServer(app, certificate);
        app.Use((context, next) =>
        {
            server.Requests.Enqueue($"{context.Request.Method} {context.Request.Path} {context.Request.Headers.Range}".TrimEnd());
            return next(context);
        });
        app.MapGet("/files/{name}", (string name) =>
            server.Files.TryGetValue(name, out var data) ? Results.Bytes(data, "application/octet-stream", enableRangeProcessing: true) : Results.NotFound());
        app.MapGet("/whole/{name}", (string name) =>
            server.Files.TryGetValue(name, out var data) ? Results.Bytes(data, "application/octet-stream") : Results.NotFound());
        app.MapGet("/from-start/{name}", (string name, HttpContext context) =>
        {
            if (!server.Files.TryGetValue(name, out var data))
            {
                return Results.NotFound();
            }
            context.Response.StatusCode = StatusCodes.Status206PartialContent;
            context.Response.Headers.ContentRange = $"bytes 0-{data.Length - 1}/{data.Length}";
            return Results.Bytes(data, "application/octet-stream");
        });
        app.MapGet("/moved/{name}", (string name) => Results.Redirect($"/files/{name}"));
        await app.StartAsync();
        return server;
    }

    /// <summary>The certificate as PEM, for a store told to trust it.</summary>
    public string CertificatePem() => Certificate!.ExportCertificatePem();

    /// <summary>A certificate of another authority, which vouches for no server here.</summary>
    public static string UnrelatedAuthorityPem()
    {
        using var certificate = SelfSigned();
        return certificate.ExportCertificatePem();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Kestrel needs the key in a form it can use on Linux: a PKCS#12 round trip gives it that.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate?.Dispose();
    }
}
