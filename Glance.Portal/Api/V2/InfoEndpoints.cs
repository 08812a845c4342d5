using System.Text.Json.Nodes;
using Glance.Domain.Common;
using Glance.Domain.ImageData;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Glance.Portal.Api.V2;

/// <summary>Discovery: <c>/v2/info/stores</c> and <c>/v2/info/stores/detail</c> (glance/api/v2/discovery.py).</summary>
internal static class InfoEndpoints
{
    public static RouteGroupBuilder MapInfo(this RouteGroupBuilder v2)
    {
        var info = v2.MapGroup("/info");
        info.MapGet("/stores", GetStores).WithName(nameof(GetStores)).RejectBody();
        info.MapGet("/stores/detail", GetStoresDetail).WithName(nameof(GetStoresDetail)).RejectBody();
        return v2;
    }

    public static Ok<JsonObject> GetStores(StoreService stores, CallerContext caller) =>
        TypedResults.Ok(Document(stores.List(caller, detail: false), detail: false));

    public static Ok<JsonObject> GetStoresDetail(StoreService stores, CallerContext caller) =>
        TypedResults.Ok(Document(stores.List(caller, detail: true), detail: true));

    /// <summary>Glance's shape: <c>default</c> and <c>read-only</c> are the string "true", present only when true.</summary>
    private static JsonObject Document(IReadOnlyList<StoreSummary> stores, bool detail) => new()
    {
        ["stores"] = new JsonArray(stores.Select(store =>
        {
            var entry = new JsonObject { ["id"] = store.Id };
            if (store.Description is not null)
            {
                entry["description"] = store.Description;
            }
            if (store.IsDefault)
            {
                entry["default"] = "true";
            }
            if (store.ReadOnly)
            {
                entry["read-only"] = "true";
            }
            if (detail)
            {
                entry["type"] = store.Type;
                entry["properties"] = new JsonObject(store.Properties.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : (JsonNode?)JsonValue.Create(p.Value))));
            }
            return (JsonNode?)entry;
        }).ToArray()),
    };
}
