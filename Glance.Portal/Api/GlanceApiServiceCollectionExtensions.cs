using Glance.Domain.Common;
using Glance.Portal.Auth;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Glance.Portal.Api;

public static class GlanceApiServiceCollectionExtensions
{
    public const string ApiPolicy = "GlanceApi";

    /// <summary>The v2 API's options, authentication scheme, caller and error translation.</summary>
    public static IServiceCollection AddGlanceApi(this IServiceCollection services)
    {
        services.AddOptions<GlanceApiOptions>().BindConfiguration(GlanceApiOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GlanceApiOptions>, GlanceApiOptionsValidator>());

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy
                .AddAuthenticationSchemes(ApiAuthenticationServiceCollectionExtensions.ApiScheme)
                .RequireAuthenticatedUser());

        services.AddHttpContextAccessor();
        services.TryAddScoped(provider => CallerContextFactory.From(
            provider.GetRequiredService<IHttpContextAccessor>().HttpContext?.User ?? new System.Security.Claims.ClaimsPrincipal()));
        services.AddExceptionHandler<GlanceApiExceptionHandler>();
        services.AddProblemDetails();
        services.AddHostedService<TrustedHeadersWarning>();
        return services;
    }

    /// <summary>Says loudly at start that the API believes identity headers, so nobody runs it that way by accident.</summary>
    private sealed class TrustedHeadersWarning(IOptions<GlanceApiOptions> options, ILogger<TrustedHeadersWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            if (options.Value.TrustedHeaders)
            {
                logger.LogWarning("Glance:Api:TrustedHeaders is on: the API takes the caller from X-Identity-Status, X-User-Id, X-Project-Id and X-Roles. Only run it this way behind a proxy that sets those headers itself.");
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
