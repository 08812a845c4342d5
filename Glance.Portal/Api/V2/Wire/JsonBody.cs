using System.Text.Json;
using System.Text.Json.Nodes;
using Glance.Domain.Common;

namespace Glance.Portal.Api.V2.Wire;

/// <summary>
/// Reads a request body as JSON with Glance's answers: POST and PUT bodies are parsed whatever their
/// Content-Type, a missing body is 400 <c>Body expected in request.</c>, broken JSON is 400
/// <c>Malformed JSON in request body.</c>
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
        try
        {
            return JsonNode.Parse(buffer.ToArray(), documentOptions: new JsonDocumentOptions { MaxDepth = 64 })
                ?? throw new ValidationException("Malformed JSON in request body.");
        }
        catch (JsonException)
        {
            throw new ValidationException("Malformed JSON in request body.");
        }
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken ct) =>
        await ReadAsync(request, ct) as JsonObject
        ?? throw new ValidationException("Expected a JSON object in the request body.");
}
