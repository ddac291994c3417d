using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Passes;
using PressConference.Tests.Support;
using QRCoder;

namespace PressConference.Tests.Passes;

public sealed class PassTokenTests : PassTest
{
    [Test]
    public async Task A_token_is_173_alphanumeric_characters_and_its_QR_is_version_7_or_lower_at_error_correction_M()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var point = (await Data.RemotePointAsync(briefing.Id)).Id;
        foreach (var pass in new[] { await IssueAsync(briefing.Id), await IssueAsync(briefing.Id, point) })
        {
            Assert.That(pass.Token, Has.Length.EqualTo(173));
            Assert.That(pass.Token.All(c => Base45.Alphabet.Contains(c, StringComparison.Ordinal)), Is.True, "QR alphanumeric mode");
            using var qr = PassQr.Data(pass.Token);
            Assert.That(qr.Version, Is.LessThanOrEqualTo(7));
        }

        // The same text in byte mode would not fit version 7 at M: alphanumeric mode is what keeps it small.
        using var generator = new QRCodeGenerator();
        using var asBytes = generator.CreateQrCode((await IssueAsync(briefing.Id)).Token.ToLowerInvariant(), QRCodeGenerator.ECCLevel.M);
        Assert.That(asBytes.Version, Is.GreaterThan(7));
    }

    [Test]
    public async Task The_token_carries_ids_and_the_window_and_nothing_about_the_person()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var point = (await Data.RemotePointAsync(briefing.Id)).Id;
        var pass = await IssueAsync(briefing.Id, point, reporterName: "Phạm Minh Đức", outletName: "Tạp chí Người Hà Nội");
        Assert.That(PassTokenFormat.TryRead(pass.Token, out var payload, out var signed, out var signature), Is.True);
        var kid = await WithDbAsync(db => db.PassSigningKeys.MaxAsync(k => k.Id));
        Assert.Multiple(() =>
        {
            Assert.That(payload, Is.EqualTo(new PassTokenPayload((ushort)kid, pass.PassId, briefing.Id, PassTokenFormat.LocationTagOf(point), briefing.DoorsOpenAt, briefing.EndsAt)));
            Assert.That(payload.IsFor(point), Is.True);
            Assert.That(payload.IsFor(null), Is.False);
            Assert.That(signed, Has.Length.EqualTo(51));
            Assert.That(signature, Has.Length.EqualTo(64));
        });

        // Every byte is accounted for by the layout above: 1 + 2 + 16 + 16 + 8 + 4 + 4 + 64 = 115.
        var bytes = Base45.Decode(pass.Token);
        Assert.That(bytes, Has.Length.EqualTo(115));
        foreach (var personal in new[] { "Phạm Minh Đức", "Pham Minh Duc", "Tạp chí", "Tap chi" })
        {
            Assert.That(Encoding.UTF8.GetString(bytes), Does.Not.Contain(personal));
        }
    }

    [Test]
    public async Task The_main_venue_is_written_as_an_all_zero_location()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        var bytes = Base45.Decode(pass.Token);
        Assert.That(bytes[35..43], Is.All.EqualTo((byte)0));
        Assert.That(PassTokenFormat.TryRead(pass.Token, out var payload, out _, out _) && payload.LocationTag == 0, Is.True);
    }

    [Test]
    public async Task The_public_keys_are_JWKs_that_verify_a_token_as_WebCrypto_would()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        var keys = await (await DoorAsync()).GetAsync("/api/checkin/keys").ExpectAsync(HttpStatusCode.OK);
        var jwk = keys["keys"]!.AsArray().Single(k => k!.Str("kid") == keys.Str("currentKid"))!;
        Assert.Multiple(() =>
        {
            Assert.That(jwk.Str("kty"), Is.EqualTo("EC"));
            Assert.That(jwk.Str("crv"), Is.EqualTo("P-256"));
            Assert.That(jwk.Str("alg"), Is.EqualTo("ES256"));
            Assert.That(jwk.Str("x"), Has.Length.EqualTo(43).And.Not.Contain("=").And.Not.Contain("+").And.Not.Contain("/"));
            Assert.That(jwk.Str("y"), Has.Length.EqualTo(43));
        });

        // What the door page does: import {kty, crv, x, y}, verify the 64-byte r||s over the first 51 bytes with SHA-256.
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(new System.Security.Cryptography.ECParameters
        {
            Curve = System.Security.Cryptography.ECCurve.NamedCurves.nistP256,
            Q = new System.Security.Cryptography.ECPoint { X = FromBase64Url(jwk.Str("x")), Y = FromBase64Url(jwk.Str("y")) },
        });
        var bytes = Base45.Decode(pass.Token);
        Assert.That(ecdsa.VerifyData(bytes[..51], bytes[51..], System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation), Is.True);
        using var spki = System.Security.Cryptography.ECDsa.Create();
        spki.ImportSubjectPublicKeyInfo(Convert.FromBase64String(jwk.Str("spki")), out _);
        Assert.That(spki.VerifyData(bytes[..51], bytes[51..], System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation), Is.True);
    }

    [Test]
    public async Task Reporters_cannot_read_the_door_keys_or_rotate_them()
    {
        await Reporter.GetAsync("/api/checkin/keys").ExpectAsync(HttpStatusCode.Forbidden);
        await Organizer.PostJsonAsync("/api/checkin/keys/rotate").ExpectAsync(HttpStatusCode.Forbidden);
        await (await DoorAsync()).PostJsonAsync("/api/checkin/keys/rotate").ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task The_private_keys_are_stored_only_as_data_protection_ciphertext()
    {
        var keys = await WithDbAsync(db => db.PassSigningKeys.ToListAsync());
        Assert.That(keys, Is.Not.Empty);
        foreach (var key in keys)
        {
            var stored = Convert.FromBase64String(key.ProtectedPrivateKey);
            using var ecdsa = System.Security.Cryptography.ECDsa.Create();
            Assert.Throws(Is.InstanceOf<System.Security.Cryptography.CryptographicException>(), () => ecdsa.ImportPkcs8PrivateKey(stored, out _));
        }

        Assert.That(await WithDbAsync(db => db.DataProtectionKeys.CountAsync()), Is.GreaterThan(0), "the key ring itself is in the database");
    }

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
