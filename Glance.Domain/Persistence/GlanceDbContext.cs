using Glance.Domain.Audit;
using Glance.Domain.ImageData;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Domain.PropertyProtections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Glance.Domain.Persistence;

public sealed class GlanceDbContext(DbContextOptions<GlanceDbContext> options) : DbContext(options)
{
    public DbSet<Image> Images => Set<Image>();

    public DbSet<ImageProperty> ImageProperties => Set<ImageProperty>();

    public DbSet<ImagePropertyName> ImagePropertyNames => Set<ImagePropertyName>();

    public DbSet<ImageTag> ImageTags => Set<ImageTag>();

    public DbSet<ImageMember> ImageMembers => Set<ImageMember>();

    public DbSet<ImageLocation> ImageLocations => Set<ImageLocation>();

    public DbSet<ImageFacetCount> ImageFacetCounts => Set<ImageFacetCount>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<ProtectionRuleVersion> ProtectionRuleVersions => Set<ProtectionRuleVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GlanceDbContext).Assembly);
    }

    /// <summary>
    /// Timestamps are stored as UTC <see cref="DateTime"/> (SQLite cannot order a DateTimeOffset) and
    /// come back marked as UTC, so nothing downstream mistakes them for local time.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
