using Glance.Domain.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Glance.Persistence.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the portal.</summary>
internal sealed class DesignTimeGlanceDbContextFactory : IDesignTimeDbContextFactory<GlanceDbContext>
{
    public GlanceDbContext CreateDbContext(string[] args) => new(SqliteContextOptions.For("Data Source=design-time.db"));
}
