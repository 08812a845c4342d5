using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Glance.Portal.Api.Versions;

/// <summary>
/// Version discovery (glance/api/versions.py), answered before authentication: <c>GET /</c> is 300,
/// <c>GET /versions</c> is 200, and a path under an unknown version is the 300 document too (reference §1.1).
/// </summary>
internal static class VersionsEndpoints
{
    /// <summary>Glance Zed's list without cache or multi-store: v2.15 current, v2.9 and v2.7…v2.0 supported.</summary>
    private static readonly (string Id, string Status)[] s_versions =
    [
        ("v2.15", "CURRENT"), ("v2.9", "SUPPORTED"), ("v2.7", "SUPPORTED"), ("v2.6", "SUPPORTED"),
        ("v2.5", "SUPPORTED"), ("v2.4", "SUPPORTED"), ("v2.3", "SUPPORTED"), ("v2.2", "SUPPORTED"),
        ("v2.1", "SUPPORTED"), ("v2.0", "SUPPORTED"),
    ];

    /// <summary>With multi-store on, Zed also lists v2.13 to v2.10 and v2.8 (stores, deleting a store's copy, …).</summary>
    private static readonly (string Id, string Status)[] s_multiStoreVersions =
    [
        ("v2.15", "CURRENT"), ("v2.13", "SUPPORTED"), ("v2.12", "SUPPORTED"), ("v2.11", "SUPPORTED"), ("v2.10", "SUPPORTED"),
        ("v2.9", "SUPPORTED"), ("v2.8", "SUPPORTED"), ("v2.7", "SUPPORTED"), ("v2.6", "SUPPORTED"), ("v2.5", "SUPPORTED"),
        ("v2.4", "SUPPORTED"), ("v2.3", "SUPPORTED"), ("v2.2", "SUPPORTED"), ("v2.1", "SUPPORTED"), ("v2.0", "SUPPORTED"),
    ];

    private static (string Id, string Status)[] Listed(bool multiStore) => multiStore ? s_multiStoreVersions : s_versions;

    private static readonly IReadOnlySet<string> s_accepted = new HashSet<string>(s_versions.Select(v => v.Id)) { "v2" };
    private static readonly IReadOnlySet<string> s_multiStoreAccepted = new HashSet<string>(s_multiStoreVersions.Select(v => v.Id)) { "v2" };

    /// <summary>The version prefixes that reach the v2 API, as Glance accepts them.</summary>
    public static IReadOnlySet<string> AcceptedPrefixes(bool multiStore) => multiStore ? s_multiStoreAccepted : s_accepted;

    /// <summary>
    /// Both answer every method, as Glance's version negotiation does before any router sees the
    /// request; <see cref="VersionNegotiationMiddleware"/> sends unknown versions and <c>/versions/…</c> here.
    /// </summary>
    public static RouteGroupBuilder MapVersions(this RouteGroupBuilder api)
    {
        api.Map("/", ListVersionsMultipleChoices).WithName(nameof(ListVersionsMultipleChoices));
        api.Map("/versions", ListVersions).WithName(nameof(ListVersions));
        return api;
    }

    public static JsonHttpResult<JsonObject> ListVersionsMultipleChoices(HttpRequest request) =>
        TypedResults.Json(Document(request), statusCode: StatusCodes.Status300MultipleChoices);

    public static Ok<JsonObject> ListVersions(HttpRequest request) => TypedResults.Ok(Document(request));

    private static JsonObject Document(HttpRequest request)
    {
        var pathBase = request.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<GlanceApiOptions>>().Value.PathBase;
        var href = $"{request.Scheme}://{request.Host}{request.PathBase}{pathBase}/v2/";
        return new JsonObject
        {
            ["versions"] = new JsonArray(Listed(request.HttpContext.RequestServices.GetRequiredService<Glance.Domain.ImageData.IImageStores>().MultiStore).Select(v => (JsonNode?)new JsonObject
            {
                ["id"] = v.Id,
                ["status"] = v.Status,
                ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = href }),
            }).ToArray()),
        };
    }
}
