using System.Text.Json;
using System.Text.Json.Nodes;
using Glance.Domain.Common;
using Glance.Domain.Members;
using Glance.Portal.Api.V2.Wire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Glance.Portal.Api.V2;

/// <summary>Image members (glance/api/v2/image_members.py; reference §5.2). Member ids are project ids.</summary>
internal static class ImageMembersEndpoints
{
    public static RouteGroupBuilder MapImageMembers(this RouteGroupBuilder v2)
    {
        var members = v2.MapGroup("/images/{imageId}/members");
        members.MapPost("/", CreateMember).WithName(nameof(CreateMember));
        members.MapGet("/", ListMembers).WithName(nameof(ListMembers)).RejectBody();
        members.MapGet("/{memberId}", GetMember).WithName(nameof(GetMember)).RejectBody();
        members.MapPut("/{memberId}", UpdateMember).WithName(nameof(UpdateMember));
        members.MapDelete("/{memberId}", DeleteMember).WithName(nameof(DeleteMember)).RejectBody();
        return v2;
    }

    /// <summary>200 with the new member (not 201), as Glance answers.</summary>
    public static async Task<Ok<JsonObject>> CreateMember(string imageId, HttpRequest request, MemberService members, CallerContext caller, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(request, ct);
        if (!body.TryGetPropertyValue("member", out var value))
        {
            throw new ValidationException("Member to be added not specified");
        }
        var memberId = value is JsonValue text && text.GetValueKind() == JsonValueKind.String ? text.GetValue<string>() : null;
        if (value is null || (memberId is null && IsFalsy(value)))
        {
            throw new ValidationException("Member can't be empty");
        }
        if (memberId is null)
        {
            throw new ValidationException("Invalid member: the member must be a project id string.");
        }
        return TypedResults.Ok(MemberJson.From(await members.AddAsync(caller, imageId, memberId, ct)));
    }

    public static async Task<Ok<JsonObject>> ListMembers(string imageId, MemberService members, CallerContext caller, CancellationToken ct) =>
        TypedResults.Ok(MemberJson.List(await members.ListAsync(caller, imageId, ct)));

    public static async Task<Ok<JsonObject>> GetMember(string imageId, string memberId, MemberService members, CallerContext caller, CancellationToken ct) =>
        TypedResults.Ok(MemberJson.From(await members.GetAsync(caller, imageId, memberId, ct)));

    public static async Task<Ok<JsonObject>> UpdateMember(string imageId, string memberId, HttpRequest request, MemberService members, CallerContext caller, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(request, ct);
        if (!body.TryGetPropertyValue("status", out var value))
        {
            throw new ValidationException("Status not specified");
        }
        // A non-string status is as invalid as an unknown one; the domain names the allowed values.
        var status = value is JsonValue text && text.GetValueKind() == JsonValueKind.String ? text.GetValue<string>() : value?.ToJsonString() ?? "null";
        return TypedResults.Ok(MemberJson.From(await members.UpdateStatusAsync(caller, imageId, memberId, status, ct)));
    }

    public static async Task<NoContent> DeleteMember(string imageId, string memberId, MemberService members, CallerContext caller, CancellationToken ct)
    {
        await members.RemoveAsync(caller, imageId, memberId, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Glance tests <c>if not member_id</c>: empty strings, 0, false, empty lists and objects are "empty".</summary>
    private static bool IsFalsy(JsonNode node) => node switch
    {
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        JsonValue v when v.GetValueKind() is JsonValueKind.False or JsonValueKind.Null => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>() == 0,
        _ => false,
    };
}
