using System.Text.Json;
using System.Text.Json.Nodes;
using Glance.Domain.Common;

namespace Glance.Portal.Api.V2.Wire;

/// <summary>
/// Reads a request body as JSON with Glance's answers: POST and PUT bodies are parsed whatever their
/// Content-Type, a missing body is 400 <c>Body expected in request.</c>, broken JSON is 400
/// <c>Malformed JSON in request body.</c>, and so is text that is not UTF-8 or an object with a repeated key.
/// </summary>
internal static class JsonBody
{
    private const long MaxBodyBytes = 1 << 20;

    public static async Task<JsonNode> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            throw new QuotaExceededException("Request body is too large.");
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length == 0)
        {
            throw new ValidationException("Body expected in request.");
        }
        if (buffer.Length > MaxBodyBytes)
        {
            throw new QuotaExceededException("Request body is too large.");
        }
        var bytes = buffer.ToArray();
        try
        {
            using (var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 }))
            {
                EnsureWellFormed(document.RootElement);
            }
            return JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 64 })
                ?? throw new ValidationException("Malformed JSON in request body.");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new ValidationException("Malformed JSON in request body.");
        }
    }

    /// <summary>
    /// Decodes every name and string once, so that bytes that are not UTF-8 and escapes that are not
    /// UTF-16 (a lone <c>\ud800</c>) fail here as malformed JSON, not later as a 500 wherever a value is
    /// read; and refuses an object that names a key twice, which would otherwise let two readers of one
    /// body see different values.
    /// </summary>
    private static void EnsureWellFormed(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!names.Add(property.Name))
                    {
                        throw new ValidationException($"Malformed JSON in request body: the key '{property.Name}' appears twice.");
                    }
                    EnsureWellFormed(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    EnsureWellFormed(item);
                }
                break;
            case JsonValueKind.String:
                element.GetString();
                break;
        }
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken ct) =>
        await ReadAsync(request, ct) as JsonObject
        ?? throw new ValidationException("Expected a JSON object in the request body.");
}
