using System.Net;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.V2;

public sealed class ImageActionsEndpointsTests(PortalApiFactory factory) : IClassFixture<PortalApiFactory>
{
    private readonly HttpClient _owner = factory.ClientFor("project-a");
    private readonly HttpClient _other = factory.ClientFor("project-b");
    private readonly HttpClient _admin = factory.AdminClient();

    private async Task<string> ActiveImageAsync(object? body = null)
    {
        var image = await _owner.CreateImageAsync(body ?? new { disk_format = "raw", container_format = "bare" });
        (await _owner.UploadAsync(image.Id(), [1, 2, 3, 4])).EnsureSuccessStatusCode();
        return image.Id();
    }

    [Fact]
    public async Task Deactivate_and_reactivate_move_the_status_and_repeat_harmlessly()
    {
        var id = await ActiveImageAsync();

        await (await _owner.PostAsync($"/image/v2/images/{id}/actions/deactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal("deactivated", (string?)(await _owner.GetImageAsync(id))["status"]);
        await (await _owner.PostAsync($"/image/v2/images/{id}/actions/deactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await _owner.PostAsync($"/image/v2/images/{id}/actions/reactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal("active", (string?)(await _owner.GetImageAsync(id))["status"]);
        await (await _owner.PostAsync($"/image/v2/images/{id}/actions/reactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Deactivating_a_queued_image_is_403()
    {
        var image = await _owner.CreateImageAsync();

        var response = await _owner.PostAsync($"/image/v2/images/{image.Id()}/actions/deactivate", null);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Not allowed to deactivate image in status 'queued'", (string?)(await response.ReadJsonAsync())["message"]);
    }

    [Fact]
    public async Task A_deactivated_image_refuses_download_to_all_but_admins_and_refuses_upload()
    {
        var id = await ActiveImageAsync(new { visibility = "community", disk_format = "raw", container_format = "bare" });
        (await _owner.PostAsync($"/image/v2/images/{id}/actions/deactivate", null)).EnsureSuccessStatusCode();

        await (await _owner.GetAsync($"/image/v2/images/{id}/file")).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await (await _other.GetAsync($"/image/v2/images/{id}/file")).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await (await _admin.GetAsync($"/image/v2/images/{id}/file")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await _owner.UploadAsync(id, [9])).ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        // Still listed and showable.
        await _other.GetImageAsync(id);
    }

    [Fact]
    public async Task Another_project_may_not_deactivate()
    {
        var id = await ActiveImageAsync(new { visibility = "community", disk_format = "raw", container_format = "bare" });

        await (await _other.PostAsync($"/image/v2/images/{id}/actions/deactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await (await _admin.PostAsync($"/image/v2/images/{id}/actions/deactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Unknown_actions_and_images_are_404()
    {
        var id = await ActiveImageAsync();

        await (await _owner.PostAsync($"/image/v2/images/{id}/actions/explode", null)).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        await (await _owner.PostAsync($"/image/v2/images/{Guid.NewGuid()}/actions/deactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
    }
}
