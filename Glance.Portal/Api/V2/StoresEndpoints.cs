using Glance.Domain.Common;
using Glance.Domain.ImageData;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Glance.Portal.Api.V2;

/// <summary><c>DELETE /v2/stores/{store_id}/{image_id}</c> (API 2.10): removes one store's copy of an image's data.</summary>
internal static class StoresEndpoints
{
    public static RouteGroupBuilder MapStores(this RouteGroupBuilder v2)
    {
        v2.MapDelete("/stores/{storeId}/{imageId}", DeleteFromStore).WithName(nameof(DeleteFromStore)).RejectBody();
        return v2;
    }

    public static async Task<NoContent> DeleteFromStore(string storeId, string imageId, StoreService stores, CallerContext caller, CancellationToken ct)
    {
        await stores.RemoveCopyAsync(caller, storeId, imageId, ct);
        return TypedResults.NoContent();
    }
}
