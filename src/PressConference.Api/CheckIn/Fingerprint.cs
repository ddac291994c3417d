using System.Security.Cryptography;
using System.Text;

namespace PressConference.Api.CheckIn;

/// <summary>Lower-case hex SHA-256 of a text: how a synced scan's token is stored, and what a bundle's version stamp is cut from.</summary>
internal static class Fingerprint
{
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
