using Glance.Domain.Audit;
using Glance.Domain.Configuration;
using Glance.Domain.ImageData;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Domain.Persistence;
using Glance.Domain.Policies;
using Glance.Domain.PropertyProtections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Glance.Domain;

public static class GlanceDomainServiceCollectionExtensions
{
    /// <summary>
    /// The image domain. A persistence adapter (<c>AddGlanceSqlite</c>, …) provides the database and
    /// store adapters (<c>AddGlanceFileSystemStore</c>, …) the image stores. Settings are checked at start-up.
    /// </summary>
    public static IServiceCollection AddGlanceDomain(this IServiceCollection services)
    {
        services.AddOptions<GlanceOptions>().BindConfiguration(GlanceOptions.SectionName).ValidateOnStart();
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GlanceOptions>, GlanceOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LimitsOptions>, GlanceOptionsValidator>());
        services.AddOptions<PolicyOptions>().BindConfiguration(PolicyOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PolicyOptions>, PolicyOptionsValidator>());
        services.AddOptions<StoresOptions>().BindConfiguration(StoresOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoresOptions>, StoresOptionsValidator>());
        services.AddOptions<PropertyProtectionOptions>().BindConfiguration(PropertyProtectionOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PropertyProtectionOptions>, PropertyProtectionOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IImageStores, ImageStores>();
        services.TryAddSingleton<StoreService>();
        services.TryAddSingleton<PolicyEngine>();
        services.TryAddSingleton<ImagePolicy>();
        services.TryAddSingleton<QuotaGuard>();
        services.TryAddSingleton<ImageService>();
        services.TryAddSingleton<ImageDataService>();
        services.TryAddSingleton<SharingEvents>();
        services.TryAddSingleton<MemberService>();
        services.TryAddSingleton<SharingService>();
        services.TryAddSingleton<BulkSharing>();
        services.TryAddSingleton<ProjectChoices>();
        services.TryAddSingleton<IProjectDirectory, NoProjectDirectory>();
        services.TryAddSingleton<AuditTrail>();
        services.TryAddSingleton<IRoleDirectory, NoRoleDirectory>();
        services.TryAddSingleton<PropertyProtectionEngine>();
        services.TryAddSingleton<ProtectionSimulator>();
        services.TryAddSingleton<PropertyProtectionService>();
        services.AddHostedService<GlanceDatabaseInitializer>();
        services.AddHostedService<PropertyProtectionInitializer>();
        return services;
    }
}
