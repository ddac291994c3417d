using System.Security.Cryptography;
using PressConference.Api.Passes;

namespace PressConference.Tests.Passes;

/// <summary>The worked example of docs/pass-format.md, checked byte for byte so the document cannot drift from the code.</summary>
public sealed class PassFormatExampleTests
{
    private const string PrivateKeyHex = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";
    private const string X = "YP7UuiVanTHJYet0xjVtaMBJuJI7Yfps5mliLmDyn7Y";
    private const string Y = "eQP-EAi4vJmkGunpVii8ZPLxsgwtfp9Rd6PClNRGIpk";
    private const string PayloadHex = "010001019AD8F23C4E7A109B2D5E6F708192A3019AD8E01111722283334444555566669CCCDDDD0E0F101101C9478401C9481A";
    private const string SignatureHex = "890969D5F5C8BF934943B278B7419476234FBCCADF0D26A12BC362309BF71605A90B4A317B590378737FEA63FB94BDC022B7688E9A6D215FCF1D14BAC101E87B";
    private const string Token = "V50W50+PJ2SUK-9L424X5/3E5HGERK+PJVESB92FG4TL6XS8$ZAX/CK+PP.RV+1X622KP/UG3KP/F3O8182R1HP+RI5P8XBF3D83.ER3A5TP T1*GKNVON66TAV9W0AJ1MB6HBBAAFV7GZSC7 I1DOH8NB1I$ZD25CJU3JRN%A0X2";

    [Test]
    public void The_documented_payload_is_what_the_format_writes_for_the_documented_pass()
    {
        var payload = PassTokenFormat.WritePayload(1, Guid.Parse("019ad8f2-3c4e-7a10-9b2d-5e6f708192a3"), Guid.Parse("019ad8e0-1111-7222-8333-444455556666"),
            Guid.Parse("019ad8e1-aaaa-7bbb-9ccc-dddd0e0f1011"), new DateTime(2026, 12, 24, 7, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 12, 24, 9, 30, 0, DateTimeKind.Utc));
        Assert.That(Convert.ToHexString(payload), Is.EqualTo(PayloadHex));
        Assert.That(PassTokenFormat.Compose(payload, Convert.FromHexString(SignatureHex)), Is.EqualTo(Token));
    }

    [Test]
    public void The_documented_token_verifies_with_the_documented_public_key_and_reads_back()
    {
        using var key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = Convert.FromHexString(PrivateKeyHex) });
        var q = key.ExportParameters(false).Q;
        Assert.That((Url(q.X!), Url(q.Y!)), Is.EqualTo((X, Y)));

        var bytes = Base45.Decode(Token);
        Assert.That(key.VerifyData(bytes[..51], bytes[51..], HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), Is.True);
        Assert.That(PassTokenFormat.TryRead(Token, out var payload, out _, out _), Is.True);
        Assert.That(payload, Is.EqualTo(new PassTokenPayload(1, Guid.Parse("019ad8f2-3c4e-7a10-9b2d-5e6f708192a3"),
            Guid.Parse("019ad8e0-1111-7222-8333-444455556666"), 0x9CCCDDDD0E0F1011, new DateTime(2026, 12, 24, 7, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 12, 24, 9, 30, 0, DateTimeKind.Utc))));
    }

    private static string Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
