using Glance.Domain.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Glance.Persistence.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a server (no connection is opened).</summary>
internal sealed class DesignTimeGlanceDbContextFactory : IDesignTimeDbContextFactory<GlanceDbContext>
{
    public GlanceDbContext CreateDbContext(string[] args) => new(PostgresContextOptions.For("Host=localhost;Database=glance_design"));
}
