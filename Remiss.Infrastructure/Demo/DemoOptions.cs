namespace Remiss.Infrastructure.Demo;

/// <summary>Configuration section <c>Demo</c>. Seeding is on in the embedded default and never in production.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>The password of every demo user. Demo only.</summary>
    public const string Password = "Remiss-demo-1!";

    public bool Seed { get; set; }
}

/// <summary>The demo logins, as the start-up log and the README list them.</summary>
public static class DemoUsers
{
    public static readonly IReadOnlyList<(string Email, string Name, string Who)> All =
    [
        ("handlaggare@malmo.example", "Hanna Handläggare", "handläggare på Stadskontoret (äger demoremissen)"),
        ("asn@malmo.example", "Amir Sekreterare", "nämndsekreterare, Arbetsmarknads- och socialnämnden"),
        ("grundskola@malmo.example", "Greta Sekreterare", "nämndsekreterare, Grundskolenämnden"),
        ("mkb@malmo.example", "Maja Handläggare", "handläggare, MKB"),
        ("admin@malmo.example", "Adam Administratör", "kundadministratör för malmo"),
        ("handlaggare@lund.example", "Lena Handläggare", "handläggare på Lunds kommunledningskontor"),
        ("operator@remiss.example", "Olof Operatör", "plattformsoperatör"),
    ];
}
