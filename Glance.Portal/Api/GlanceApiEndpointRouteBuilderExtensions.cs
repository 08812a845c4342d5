using Glance.Portal.Api.V2;
using Glance.Portal.Api.Versions;
using Microsoft.Extensions.Options;

namespace Glance.Portal.Api;

public static class GlanceApiEndpointRouteBuilderExtensions
{
    /// <summary>Mounts the v2 API under <c>Glance:Api:PathBase</c>: versions at its root, resources under <c>/v2</c>.</summary>
    public static IEndpointRouteBuilder MapGlanceApi(this IEndpointRouteBuilder endpoints)
    {
        var pathBase = endpoints.ServiceProvider.GetRequiredService<IOptions<GlanceApiOptions>>().Value.PathBase;
        var api = endpoints.MapGroup(pathBase).DisableAntiforgery();
        api.MapVersions();

        api.MapGroup("/v2")
            .RequireAuthorization(GlanceApiServiceCollectionExtensions.ApiPolicy)
            .MapSchemas()
            .MapImages()
            .MapImageActions()
            .MapImageTags()
            .MapImageMembers()
            .MapImageData()
            .MapInfo()
            .MapStores()
            .MapUnmatched();
        return endpoints;
    }
}
