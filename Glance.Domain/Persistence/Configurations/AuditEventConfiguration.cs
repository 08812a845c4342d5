using Glance.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glance.Domain.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Action).HasMaxLength(40).HasConversion(a => a.ToWire(), a => AuditActionNames.Parse(a));
        builder.Property(e => e.ImageId).HasMaxLength(36);
        builder.Property(e => e.ImageOwner).HasMaxLength(255);
        builder.Property(e => e.MemberId).HasMaxLength(255);
        builder.Property(e => e.ImageName).HasMaxLength(AuditEvent.ValueLength);
        builder.Property(e => e.Subject).HasMaxLength(255);
        builder.Property(e => e.Before).HasMaxLength(AuditEvent.ValueLength);
        builder.Property(e => e.After).HasMaxLength(AuditEvent.ValueLength);
        builder.Property(e => e.ActorUserId).HasMaxLength(255);
        builder.Property(e => e.ActorProjectId).HasMaxLength(255);
        // A trail per image, and per project: the images it owns and the offers made to it.
        builder.HasIndex(e => new { e.ImageId, e.At });
        builder.HasIndex(e => new { e.ImageOwner, e.At });
        builder.HasIndex(e => new { e.MemberId, e.At });
    }
}
