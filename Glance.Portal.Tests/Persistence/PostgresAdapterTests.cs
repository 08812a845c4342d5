using System.Net;
using Glance.Domain.Images;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Glance.Portal.Tests.Persistence;

/// <summary>
/// What only a database server can do to the portal: be a wrong setting, be down at start-up, go away
/// while the portal runs. The database is chosen by Glance:Database:Provider and ConnectionStrings:Glance.
/// </summary>
public sealed class PostgresAdapterTests
{
    [Theory]
    [InlineData("mysql", null, "Glance:Database:Provider must be 'sqlite' or 'postgres'")]
    [InlineData("postgres", null, "ConnectionStrings:Glance must name the database")]
    public async Task A_database_setting_that_cannot_work_stops_start_up_naming_the_key(string provider, string? connection, string message)
    {
        await using var factory = new PortalApiFactory().With("Glance:Database:Provider", provider).With("ConnectionStrings:Glance", connection);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(message, error.AllMessages());
    }

    [Fact]
    public async Task A_database_server_that_does_not_answer_at_start_up_stops_it_with_a_clear_message()
    {
        await using var closed = new TcpRelay("127.0.0.1", 9);
        var port = closed.Port;
        closed.Cut();
        await using var factory = new PortalApiFactory()
            .With("Glance:Database:Provider", "postgres")
            .With("ConnectionStrings:Glance", $"Host=127.0.0.1;Port={port};Username=glance;Database=glance;Timeout=3");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("The image database cannot be reached or brought to the current schema", error.AllMessages());
        Assert.Contains("ConnectionStrings:Glance", error.AllMessages());
    }

    [Fact]
    public async Task A_database_server_lost_while_running_answers_503_and_leaves_the_image_as_it_was()
    {
        TestDatabase.RequirePostgres();
        await using var database = new TestDatabase(Path.GetTempPath());
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var relay = new TcpRelay(server.Host!, server.Port);
        server.Port = relay.Port;
        server.Pooling = false;
        await using var factory = new PortalApiFactory().With("ConnectionStrings:Glance", server.ConnectionString);
        var client = factory.ClientFor("project-a");
        var image = await client.CreateImageAsync(new { name = "before", disk_format = "raw", container_format = "bare" });

        relay.Cut();
        var rename = await client.PatchAsync(image.Id(), """[{"op": "replace", "path": "/name", "value": "after"}]""");
        var upload = await client.PutAsync($"/image/v2/images/{image.Id()}/file", new ByteArrayContent(new byte[4096]) { Headers = { ContentType = new("application/octet-stream") } });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, rename.StatusCode);
        Assert.Contains("cannot be reached", await rename.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, upload.StatusCode);
        // Nothing was written: the image is as it was, with no data and no file.
        await using var check = new Glance.Domain.Persistence.GlanceDbContext(database.Options().Options);
        var stored = check.Images.Single(i => i.Id == image.Id());
        Assert.Equal(("before", ImageStatus.Queued), (stored.Name, stored.Status));
        Assert.Empty(check.ImageLocations.Where(l => l.ImageId == image.Id()));
        Assert.Empty(await factory.Store.ObjectsAsync());
    }
}
