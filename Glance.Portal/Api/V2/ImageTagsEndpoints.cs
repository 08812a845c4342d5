using Glance.Domain.Common;
using Glance.Domain.Images;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Glance.Portal.Api.V2;

/// <summary>Tags one at a time (glance/api/v2/image_tags.py).</summary>
internal static class ImageTagsEndpoints
{
    public static RouteGroupBuilder MapImageTags(this RouteGroupBuilder v2)
    {
        var tags = v2.MapGroup("/images/{imageId}/tags");
        tags.MapPut("/{tag}", AddImageTag).WithName(nameof(AddImageTag)).RejectBody();
        tags.MapDelete("/{tag}", DeleteImageTag).WithName(nameof(DeleteImageTag)).RejectBody();
        return v2;
    }

    public static async Task<NoContent> AddImageTag(string imageId, string tag, ImageService images, CallerContext caller, CancellationToken ct)
    {
        await images.AddTagAsync(caller, imageId, tag, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> DeleteImageTag(string imageId, string tag, ImageService images, CallerContext caller, CancellationToken ct)
    {
        await images.RemoveTagAsync(caller, imageId, tag, ct);
        return TypedResults.NoContent();
    }
}
