using Glance.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glance.Domain.Persistence.Configurations;

internal sealed class ImageMemberConfiguration : IEntityTypeConfiguration<ImageMember>
{
    public void Configure(EntityTypeBuilder<ImageMember> builder)
    {
        builder.ToTable("image_members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.MemberId).HasMaxLength(255);
        builder.Property(m => m.Status).HasMaxLength(20)
            .HasConversion(s => s.ToWire(), s => ParseStatus(s));
        builder.Property(m => m.Version).IsConcurrencyToken();
        // One row per (image, project): two requests adding the same member cannot both succeed.
        builder.HasIndex(m => new { m.ImageId, m.MemberId }).IsUnique();
        // "Images shared with my project in status X" is the list's hot sub-query.
        builder.HasIndex(m => new { m.MemberId, m.Status, m.ImageId });
    }

    private static MemberStatus ParseStatus(string value) =>
        MemberStatusNames.TryParse(value, out var status) ? status : throw new InvalidOperationException($"Unknown member status '{value}' in the database.");
}
