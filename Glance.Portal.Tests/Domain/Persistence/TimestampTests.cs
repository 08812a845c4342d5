using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.Domain.Persistence;

public sealed class TimestampTests(PortalApiFactory factory) : IClassFixture<PortalApiFactory>
{
    [Fact]
    public async Task Timestamps_come_back_from_the_database_as_utc()
    {
        factory.CreateClient();
        var images = factory.Services.GetRequiredService<ImageService>();
        var caller = new CallerContext("user", "project-a", ["member"]);
        var before = DateTime.UtcNow;

        var created = await images.CreateAsync(caller, new NewImage { Name = "clock" });
        var loaded = await images.GetAsync(caller, created.Id);

        Assert.Equal(DateTimeKind.Utc, loaded.CreatedAt.Kind);
        Assert.Equal(DateTimeKind.Utc, loaded.UpdatedAt.Kind);
        Assert.InRange(loaded.CreatedAt, before.AddSeconds(-1), DateTime.UtcNow.AddSeconds(1));
    }
}
