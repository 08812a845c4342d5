using Glance.Domain.Images;
using Glance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Glance.Persistence.Postgres;

/// <summary>The catalog's context on PostgreSQL, configured the one way the portal, the tools and the tests all use.</summary>
public static class PostgresContextOptions
{
    public static DbContextOptionsBuilder UseGlancePostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresContextOptions).Assembly.GetName().Name))
            .ReplaceService<IModelCustomizer, PostgresModelCustomizer>();

    /// <summary>Options for a context of its own, outside dependency injection (tools, tests, benchmarks).</summary>
    public static DbContextOptions<GlanceDbContext> For(string connectionString) =>
        (DbContextOptions<GlanceDbContext>)new DbContextOptionsBuilder<GlanceDbContext>().UseGlancePostgres(connectionString).Options;
}

/// <summary>
/// The domain's model as PostgreSQL keeps it. Every text column is in the C collation: Glance sorts and
/// compares names, ids and owners by their bytes (and SQLite does too), whatever locale the database
/// was made with. A property's value has no length limit, which a btree index cannot hold (about
/// 2.7 KB): the values are indexed by hash instead (migration DerivedData), which serves the equality
/// the property filters ask.
/// </summary>
internal sealed class PostgresModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => (p.GetValueConverter()?.ProviderClrType ?? p.ClrType) == typeof(string)))
        {
            property.SetCollation("C");
        }
        var properties = modelBuilder.Model.FindEntityType(typeof(ImageProperty))!;
        foreach (var index in properties.GetIndexes().Where(i => i.Properties.Any(p => p.Name == nameof(ImageProperty.Value))).ToList())
        {
            properties.RemoveIndex(index);
        }
    }
}
