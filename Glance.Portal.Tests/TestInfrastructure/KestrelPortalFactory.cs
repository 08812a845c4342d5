using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.TestInfrastructure;

/// <summary>The portal on a real Kestrel socket, for what only a real connection shows: a client that hangs up mid-upload.</summary>
public sealed class KestrelPortalFactory : PortalApiFactory
{
    public KestrelPortalFactory()
    {
        UseKestrel(0);
    }

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        }
    }

    public HttpClient RealClientFor(string project)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Identity-Status", "Confirmed");
        client.DefaultRequestHeaders.Add("X-Project-Id", project);
        client.DefaultRequestHeaders.Add("X-Roles", "member,reader");
        client.DefaultRequestHeaders.Add("Accept", "application/json");
        return client;
    }

    /// <summary>Starts an upload by hand on a raw socket: headers announcing <paramref name="announced"/> bytes, then whatever the test sends.</summary>
    public async Task<RawUpload> BeginRawUploadAsync(string imageId, string project, long announced)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(BaseAddress.Host, BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"PUT /image/v2/images/{imageId}/file HTTP/1.1\r\nHost: {BaseAddress.Authority}\r\n" +
                   $"Content-Type: application/octet-stream\r\nContent-Length: {announced}\r\n" +
                   $"X-Identity-Status: Confirmed\r\nX-Project-Id: {project}\r\nX-Roles: member\r\nAccept: application/json\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        return new RawUpload(tcp, stream);
    }

    /// <summary>
    /// One request with its target sent byte for byte (HttpClient would resolve <c>..</c> itself), as
    /// a member of <paramref name="project"/>; the connection closes after the answer.
    /// </summary>
    public async Task<RawResponse> SendRawAsync(string method, string target, string project, string? body = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(BaseAddress.Host, BaseAddress.Port);
        var stream = tcp.GetStream();
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var head = $"{method} {target} HTTP/1.1\r\nHost: {BaseAddress.Authority}\r\nConnection: close\r\n" +
                   $"X-Identity-Status: Confirmed\r\nX-Project-Id: {project}\r\nX-Roles: member,reader\r\nAccept: application/json\r\n" +
                   (body is null ? "" : $"Content-Type: application/json\r\nContent-Length: {bytes.Length}\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(bytes);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return new RawResponse(int.Parse(text.Split(' ')[1]), split < 0 ? text : text[..split], split < 0 ? "" : text[(split + 4)..]);
    }

    public sealed record RawResponse(int Status, string Head, string Body);

    public sealed class RawUpload(TcpClient tcp, NetworkStream stream) : IDisposable
    {
        public async Task SendAsync(byte[] data)
        {
            await stream.WriteAsync(data);
            await stream.FlushAsync();
        }

        /// <summary>Reads the status line of the response.</summary>
        public async Task<int> ReadStatusAsync()
        {
            var buffer = new byte[4096];
            var read = await stream.ReadAsync(buffer);
            var text = Encoding.ASCII.GetString(buffer, 0, read);
            return int.Parse(text.Split(' ')[1]);
        }

        /// <summary>Hangs up abruptly, as a client that crashed or lost its network would.</summary>
        public void Dispose()
        {
            tcp.Client.LingerState = new LingerOption(true, 0);
            tcp.Dispose();
        }
    }
}
