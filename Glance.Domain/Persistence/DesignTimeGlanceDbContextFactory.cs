using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Glance.Domain.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the portal.</summary>
internal sealed class DesignTimeGlanceDbContextFactory : IDesignTimeDbContextFactory<GlanceDbContext>
{
    public GlanceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<GlanceDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
