using Glance.Domain.Common;
using Glance.Domain.Images;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Glance.Portal.Api.V2;

/// <summary>Deactivate and reactivate (glance/api/v2/image_actions.py, API 2.3).</summary>
internal static class ImageActionsEndpoints
{
    public static RouteGroupBuilder MapImageActions(this RouteGroupBuilder v2)
    {
        var actions = v2.MapGroup("/images/{imageId}/actions");
        actions.MapPost("/deactivate", DeactivateImage).WithName(nameof(DeactivateImage)).RejectBody();
        actions.MapPost("/reactivate", ReactivateImage).WithName(nameof(ReactivateImage)).RejectBody();
        return v2;
    }

    public static async Task<NoContent> DeactivateImage(string imageId, ImageService images, CallerContext caller, CancellationToken ct)
    {
        await images.DeactivateAsync(caller, imageId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> ReactivateImage(string imageId, ImageService images, CallerContext caller, CancellationToken ct)
    {
        await images.ReactivateAsync(caller, imageId, ct);
        return TypedResults.NoContent();
    }
}
