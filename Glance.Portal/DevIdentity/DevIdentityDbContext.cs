using Microsoft.EntityFrameworkCore;

namespace Glance.Portal.DevIdentity;

/// <summary>OpenIddict's clients, authorizations and tokens for the development provider, in its own SQLite file.</summary>
public sealed class DevIdentityDbContext(DbContextOptions<DevIdentityDbContext> options) : DbContext(options);
