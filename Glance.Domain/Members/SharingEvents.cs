namespace Glance.Domain.Members;

/// <summary>A change to who an image is offered to: a member added, answered or removed (<see cref="MemberId"/>), or the image's visibility or existence (null: every member may be concerned).</summary>
public sealed record SharingChange(string ImageId, string? Owner, string? MemberId);

/// <summary>
/// Tells the parts of this process that show sharing (the portal's inbox and its badge) that it
/// changed, once the change is saved, so they can refresh without a reload. In-process only: a second
/// instance of the service hears nothing, and its pages refresh on their next load.
/// </summary>
public sealed class SharingEvents
{
    public event Action<SharingChange>? Changed;

    internal void Publish(SharingChange change) => Changed?.Invoke(change);
}
