using System.Text.Json.Nodes;
using Glance.Domain.Members;

namespace Glance.Portal.Api.V2.Wire;

/// <summary>A member as Glance shows it (glance/api/v2/image_members.py <c>_format_image_member</c>).</summary>
internal static class MemberJson
{
    public static JsonObject From(ImageMember member) => new()
    {
        ["member_id"] = member.MemberId,
        ["image_id"] = member.ImageId,
        ["status"] = member.Status.ToWire(),
        ["created_at"] = ImageJson.Timestamp(member.CreatedAt),
        ["updated_at"] = ImageJson.Timestamp(member.UpdatedAt),
        ["schema"] = "/v2/schemas/member",
    };

    public static JsonObject List(IEnumerable<ImageMember> members) => new()
    {
        ["members"] = new JsonArray(members.Select(m => (JsonNode)From(m)).ToArray()),
        ["schema"] = "/v2/schemas/members",
    };
}
