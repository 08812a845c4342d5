using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Configuration;

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>A wrong setting stops start-up with a message that names the key.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Glance:Limits:LimitParamDefault", "0")]
    [InlineData("Glance:Limits:LimitParamDefault", "many")]
    [InlineData("Glance:Limits:ApiLimitMax", "-5")]
    [InlineData("Glance:Limits:ImageSizeCap", "-1")]
    [InlineData("Glance:Limits:ImageTagQuota", "lots")]
    [InlineData("Glance:Api:PathBase", "image")]
    [InlineData("Glance:Api:PathBase", "/image/")]
    [InlineData("Glance:Api:TrustedHeaders", "perhaps")]
    [InlineData("Glance:AllowAdditionalImageProperties", "sometimes")]
    [InlineData("Glance:DataDirectory", " ")]
    public async Task An_invalid_value_stops_start_up_naming_the_key(string key, string value)
    {
        await using var factory = new PortalApiFactory().With(key, value);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(key, error.AllMessages());
    }

    [Fact]
    public async Task Another_path_base_moves_the_api()
    {
        await using var factory = new PortalApiFactory().With("Glance:Api:PathBase", "/glance");
        var client = factory.ClientFor("project-a");

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/glance/v2/images")).StatusCode);
        var versions = await (await client.GetAsync("/glance/versions")).ReadJsonAsync();
        Assert.EndsWith("/glance/v2/", (string?)versions["versions"]![0]!["links"]![0]!["href"]);
    }

    [Fact]
    public async Task Identity_headers_are_ignored_unless_trusted_headers_mode_is_on()
    {
        await using var factory = new PortalApiFactory().With("Glance:Api:TrustedHeaders", "false");
        var client = factory.ClientFor("project-a");

        var response = await client.GetAsync("/image/v2/images");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Settings_come_from_environment_variables_too()
    {
        Environment.SetEnvironmentVariable("Glance__Limits__LimitParamDefault", "2");
        try
        {
            await using var factory = new PortalApiFactory();
            var client = factory.ClientFor("project-a");
            for (var i = 0; i < 3; i++)
            {
                await client.CreateImageAsync();
            }

            var body = await (await client.GetAsync("/image/v2/images")).ReadJsonAsync();

            Assert.Equal(2, body["images"]!.AsArray().Count);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Glance__Limits__LimitParamDefault", null);
        }
    }
}
