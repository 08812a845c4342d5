using Glance.Domain.Audit;
using Glance.Domain.Configuration;
using Glance.Domain.ImageData;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Domain.Persistence;
using Glance.Domain.Policies;
using Glance.Domain.PropertyProtections;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Glance.Domain;

public static class GlanceDomainServiceCollectionExtensions
{
    private static readonly SqliteConnectionSettings ConnectionSettings = new();
    private static readonly DiskFullTranslator DiskFull = new();

    /// <summary>
    /// The image domain with its embedded defaults: SQLite at <c>{DataDirectory}/glance.db</c> and the
    /// filesystem store at <c>{DataDirectory}/images</c>. Settings are checked at start-up.
    /// </summary>
    public static IServiceCollection AddGlanceDomain(this IServiceCollection services)
    {
        services.AddOptions<GlanceOptions>().BindConfiguration(GlanceOptions.SectionName).ValidateOnStart();
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GlanceOptions>, GlanceOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LimitsOptions>, GlanceOptionsValidator>());
        services.AddOptions<PolicyOptions>().BindConfiguration(PolicyOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PolicyOptions>, PolicyOptionsValidator>());
        services.AddOptions<PropertyProtectionOptions>().BindConfiguration(PropertyProtectionOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PropertyProtectionOptions>, PropertyProtectionOptionsValidator>());

        services.AddPooledDbContextFactory<GlanceDbContext>((provider, options) =>
        {
            var dataDirectory = provider.GetRequiredService<IOptions<GlanceOptions>>().Value.DataDirectoryFullPath;
            Directory.CreateDirectory(dataDirectory);
            var connection = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataDirectory, "glance.db"),
                Cache = SqliteCacheMode.Private,
                Pooling = true,
                DefaultTimeout = 30,
            };
            // A list's ids go to SQLite as one JSON parameter (json_each): one SQL text and one cached
            // plan for any number of ids, where one parameter per id made EF rebuild the SQL each time.
            options.UseSqlite(connection.ToString(), sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(ConnectionSettings, DiskFull);
        });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IImageStore, FileSystemImageStore>();
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
        services.AddHostedService<PlannerStatisticsRefresher>();
        return services;
    }
}
