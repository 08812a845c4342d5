using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Glance.Portal.Tests.TestInfrastructure;

/// <summary>Short forms for the v2 calls tests make again and again.</summary>
public static class ApiClientExtensions
{
    public const string V21Patch = "application/openstack-images-v2.1-json-patch";
    public const string V20Patch = "application/openstack-images-v2.0-json-patch";

    public static async Task<JsonObject> CreateImageAsync(this HttpClient client, object? body = null)
    {
        var response = await client.PostAsJsonAsync("/image/v2/images", body ?? new { name = "test", disk_format = "raw", container_format = "bare" });
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static Task<HttpResponseMessage> PostJsonTextAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PatchAsync(this HttpClient client, string id, string json, string mediaType = V21Patch)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return client.PatchAsync($"/image/v2/images/{id}", content);
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string id, byte[] data, string contentType = "application/octet-stream")
    {
        var content = new ByteArrayContent(data);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PutAsync($"/image/v2/images/{id}/file", content);
    }

    /// <summary>
    /// An upload without Content-Length (chunked, over a real socket), as glanceclient sends a pipe: the
    /// store cannot know the size before the end.
    /// </summary>
    public static Task<HttpResponseMessage> UploadChunkedAsync(this HttpClient client, string id, byte[] data)
    {
        var content = new StreamContent(new NoLengthStream(data));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PutAsync($"/image/v2/images/{id}/file", content);
    }

    /// <summary>Bytes that do not compress or repeat, the same for the same length.</summary>
    public static byte[] RandomBytes(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        return data;
    }

    public static async Task<JsonObject> GetImageAsync(this HttpClient client, string id)
    {
        var response = await client.GetAsync($"/image/v2/images/{id}");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Bytes <paramref name="from"/> to <paramref name="to"/> of an image's data, asserting the 206.</summary>
    public static async Task<byte[]> DownloadRangeAsync(this HttpClient client, string id, long from, long to)
    {
        using var range = new HttpRequestMessage(HttpMethod.Get, $"/image/v2/images/{id}/file");
        range.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(from, to);
        var partial = await client.SendAsync(range);
        await partial.ShouldHaveStatusAsync(HttpStatusCode.PartialContent);
        return await partial.Content.ReadAsByteArrayAsync();
    }

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    /// <summary>Asserts the status, showing the body when it differs, which is what one needs to see.</summary>
    public static async Task ShouldHaveStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }
    }

    public static string Id(this JsonObject image) => image["id"]!.GetValue<string>();

    /// <summary>Hides the length, so the upload goes chunked.</summary>
    private sealed class NoLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
