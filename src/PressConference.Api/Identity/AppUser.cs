using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PressConference.Api.Identity;

/// <summary>A person who signs in: office staff, door staff or a reporter.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>Full name as printed on passes and matched against credentials.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>"vi" or "en": the language of the e-mails this person receives.</summary>
    public string PreferredLanguage { get; set; } = "vi";

    /// <summary>Bút danh: the name a journalist publishes under (profile, issue 4).</summary>
    public string? PenName { get; set; }

    public string? Phone { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.PreferredLanguage).HasMaxLength(5);
        builder.Property(u => u.PenName).HasMaxLength(200);
        builder.Property(u => u.Phone).HasMaxLength(30);
    }
}
