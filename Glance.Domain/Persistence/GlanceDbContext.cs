using Glance.Domain.Images;
using Glance.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace Glance.Domain.Persistence;

public sealed class GlanceDbContext(DbContextOptions<GlanceDbContext> options) : DbContext(options)
{
    public DbSet<Image> Images => Set<Image>();

    public DbSet<ImageProperty> ImageProperties => Set<ImageProperty>();

    public DbSet<ImageTag> ImageTags => Set<ImageTag>();

    public DbSet<ImageMember> ImageMembers => Set<ImageMember>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GlanceDbContext).Assembly);
}
