using Glance.Domain.Images;

namespace Glance.Portal.Tests.Domain.Images;

public sealed class ImageStatusTransitionsTests
{
    /// <summary>Glance's valid_state_targets, written out once more as the test's own table.</summary>
    public static TheoryData<ImageStatus, ImageStatus[]> GlanceTable => new()
    {
        { ImageStatus.Queued, [ImageStatus.Saving, ImageStatus.Uploading, ImageStatus.Importing, ImageStatus.Active, ImageStatus.Deleted] },
        { ImageStatus.Saving, [ImageStatus.Active, ImageStatus.Killed, ImageStatus.Deleted, ImageStatus.Queued] },
        { ImageStatus.Uploading, [ImageStatus.Importing, ImageStatus.Queued, ImageStatus.Deleted] },
        { ImageStatus.Importing, [ImageStatus.Active, ImageStatus.Deleted, ImageStatus.Queued] },
        { ImageStatus.Active, [ImageStatus.PendingDelete, ImageStatus.Deleted, ImageStatus.Deactivated] },
        { ImageStatus.Killed, [ImageStatus.Deleted] },
        { ImageStatus.PendingDelete, [ImageStatus.Deleted, ImageStatus.Active] },
        { ImageStatus.Deactivated, [ImageStatus.Active, ImageStatus.Deleted] },
        { ImageStatus.Deleted, [] },
    };

    [Theory]
    [MemberData(nameof(GlanceTable))]
    public void Exactly_Glances_transitions_are_allowed(ImageStatus from, ImageStatus[] targets)
    {
        foreach (var to in Enum.GetValues<ImageStatus>())
        {
            Assert.Equal(targets.Contains(to), ImageStatusTransitions.IsAllowed(from, to));
        }
    }

    [Theory]
    [InlineData(ImageStatus.PendingDelete, "pending_delete")]
    [InlineData(ImageStatus.Queued, "queued")]
    [InlineData(ImageStatus.Deactivated, "deactivated")]
    public void Statuses_have_Glances_names(ImageStatus status, string name)
    {
        Assert.Equal(name, status.ToWire());
        Assert.True(ImageStatusTransitions.TryParse(name, out var parsed));
        Assert.Equal(status, parsed);
    }
}
