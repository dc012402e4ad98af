namespace Remiss.Tests.Hardening;

/// <summary>Who a page or handler is for. The expected answer of every role and case follows from it (<see cref="AccessMatrix.Expected"/>).</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not: a page, or a redirect anywhere.</summary>
    Public,

    /// <summary>The access-denied page: it answers 403 to everyone.</summary>
    DeniedPage,

    /// <summary>The platform operator's job dashboard (Hangfire): 401 to anonymous, 403 to tenants' users.</summary>
    JobDashboard,

    /// <summary>Nobody finds anything: the error page answers the status it names, an unpublished remiss is not found.</summary>
    NotFoundForAll,

    /// <summary>Any signed-in user of the tenant in the URL.</summary>
    TenantMember,

    /// <summary>The tenant administrator of the tenant in the URL.</summary>
    TenantAdmin,

    /// <summary>The platform operator.</summary>
    Platform,

    /// <summary>Anyone signed in, of any tenant or none: their own account (Mitt konto).</summary>
    SignedIn,

    /// <summary>Signing in with the tenant's identity provider: anyone but a person signed in elsewhere, who finds nothing.</summary>
    TenantSignIn,

    /// <summary>Members of the organisation that owns the remiss.</summary>
    RemissOwner,

    /// <summary>Owners and members of any recipient of the (sent) remiss.</summary>
    RemissReader,

    /// <summary>Members of the recipient in the URL (or <c>?for=</c>) only: its yttrande form.</summary>
    OwnRecipient,

    /// <summary>Owners, and members of the recipient in the URL: its yttrande as a file.</summary>
    RecipientReader,
}

/// <summary>What a user is to the ids in the URL: the matrix's columns.</summary>
public enum RoleKind
{
    Anonymous,

    /// <summary>Member of the organisation owning the tenant's remiss.</summary>
    Owner,

    /// <summary>Member of the recipient whose ids are in the URL.</summary>
    Recipient,

    /// <summary>Member of another recipient of the same remiss.</summary>
    OtherRecipient,

    /// <summary>Tenant administrator, member of no organisation.</summary>
    Admin,

    Operator,
}

/// <summary>Whose ids the route values and form fields carry.</summary>
public enum IdCase
{
    /// <summary>The user's own tenant's slug and ids.</summary>
    Own,

    /// <summary>The user's own tenant's slug with the other tenant's ids.</summary>
    OtherIds,

    /// <summary>The other tenant's slug and ids.</summary>
    OtherTenant,

    /// <summary>The user's own slug and remiss, with the other tenant's recipient and anstånd.</summary>
    OtherRecipientIds,

    /// <summary>The user's own slug, remiss and recipient, with the other tenant's bilagor and outbox message.</summary>
    OtherFileIds,
}

/// <summary>An answer the matrix accepts.</summary>
public enum Outcome
{
    /// <summary>200, or a redirect to anywhere but sign-in and access denied.</summary>
    Ok,

    /// <summary>200, or any redirect.</summary>
    Public,

    /// <summary>404.</summary>
    NotFound,

    /// <summary>A redirect to /konto/logga-in.</summary>
    SignIn,

    /// <summary>A redirect to /konto/nekad, or 403.</summary>
    Denied,

    /// <summary>405: the page takes no such method.</summary>
    MethodNotAllowed,

    /// <summary>401, or a redirect to sign-in.</summary>
    Unauthorized,
}

/// <summary>
/// THE matrix: one row per Razor Page route and handler of the app, keyed "METHOD /route[?handler=Name]" as the
/// endpoint data source names them. A page or handler without a row fails the test; a row without a page too.
/// </summary>
public static class AccessMatrix
{
    public static readonly IReadOnlyDictionary<string, Access> Rows = new Dictionary<string, Access>(StringComparer.Ordinal)
    {
        // Public pages.
        ["GET /"] = Access.Public,
        ["GET /fel/{code:int?}"] = Access.NotFoundForAll,
        ["POST /fel/{code:int?}"] = Access.NotFoundForAll,
        ["GET /konto/nekad"] = Access.DeniedPage,
        ["GET /konto/glomt-losenord"] = Access.Public,
        ["POST /konto/glomt-losenord"] = Access.Public,
        ["GET /konto/sprak"] = Access.Public,
        ["POST /konto/sprak"] = Access.Public,
        ["GET /konto/valj-losenord"] = Access.Public,
        ["POST /konto/valj-losenord"] = Access.Public,
        ["GET /konto/logga-in"] = Access.Public,
        ["POST /konto/logga-in"] = Access.Public,
        ["GET /konto/logga-ut"] = Access.Public,
        ["POST /konto/logga-ut"] = Access.Public,

        // The second step of signing in answers everyone: without the password step it leads back to sign-in.
        ["GET /konto/logga-in/kod"] = Access.Public,
        ["POST /konto/logga-in/kod"] = Access.Public,

        // The signed-in person's own account and its two-step verification.
        ["GET /konto/mitt-konto"] = Access.SignedIn,
        ["GET /konto/ingen-atkomst"] = Access.SignedIn,

        // Sign-in with the tenant's identity provider (the demo tenants have none: its start sends people to the password page).
        ["GET /{tenant}/logga-in/organisationskonto"] = Access.TenantSignIn,
        ["GET /{tenant}/logga-in/organisationskonto/klar"] = Access.TenantSignIn,
        ["GET /konto/organisationskonto/ingen-tillgang"] = Access.Public,
        ["GET /konto/organisationskonto/misslyckades"] = Access.Public,
        ["POST /konto/mitt-konto?handler=Enable"] = Access.SignedIn,
        ["POST /konto/mitt-konto?handler=Renew"] = Access.SignedIn,
        ["POST /konto/mitt-konto?handler=Disable"] = Access.SignedIn,

        // Published yttranden: the demo tenants do not publish, so nothing is there for anyone.
        ["GET /offentligt/{slug}/remisser/{id:guid}"] = Access.NotFoundForAll,
        ["GET /offentligt/{slug}/remisser/{id:guid}/yttranden/{recipientId:guid}"] = Access.NotFoundForAll,
        ["GET /offentligt/{slug}/remisser/{id:guid}/sammanstallning"] = Access.NotFoundForAll,

        // The platform operator's pages.
        ["GET /plattform"] = Access.Platform,
        ["GET /plattform/ny-kund"] = Access.Platform,
        ["POST /plattform/ny-kund"] = Access.Platform,
        ["GET /plattform/kunder/{id:guid}"] = Access.Platform,
        ["POST /plattform/kunder/{id:guid}?handler=Suspend"] = Access.Platform,
        ["POST /plattform/kunder/{id:guid}?handler=Reactivate"] = Access.Platform,

        // The tenant's pages.
        ["GET /{tenant}"] = Access.TenantMember,
        ["GET /{tenant}/remisser"] = Access.TenantMember,
        ["GET /{tenant}/remisser/ny"] = Access.TenantMember,
        ["POST /{tenant}/remisser/ny"] = Access.TenantMember,

        // One remiss.
        ["GET /{tenant}/remisser/{id:guid}"] = Access.RemissReader,
        ["POST /{tenant}/remisser/{id:guid}?handler=MoveDeadline"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}?handler=AddRecipients"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}?handler=RemindNow"] = Access.RemissOwner,
        ["GET /{tenant}/remisser/{id:guid}/stang"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/stang"] = Access.RemissOwner,
        ["GET /{tenant}/remisser/{id:guid}/aterkalla"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/aterkalla"] = Access.RemissOwner,
        ["GET /{tenant}/remisser/{id:guid}/ta-bort"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/ta-bort"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}?handler=GrantExtension"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}?handler=RefuseExtension"] = Access.RemissOwner,
        ["GET /{tenant}/remisser/{id:guid}/bilagor/{attachmentId:guid}"] = Access.RemissReader,
        ["GET /{tenant}/remisser/{id:guid}/redigera"] = Access.RemissOwner,
        ["GET /{tenant}/remisser/{id:guid}/redigera?handler=Problems"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/redigera"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/redigera?handler=AddQuestion"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/redigera?handler=RemoveQuestion"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/redigera?handler=MoveQuestionUp"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/redigera?handler=MoveQuestionDown"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/redigera?handler=SelectGroup"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/redigera?handler=Upload"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/redigera?handler=RemoveAttachment"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/redigera?handler=Preview"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/redigera?handler=Send"] = Access.RemissOwner,
        ["GET /{tenant}/remisser/{id:guid}/forhandsgranska"] = Access.RemissOwner,
        ["GET /{tenant}/remisser/{id:guid}/skicka"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/skicka"] = Access.RemissOwner,
        ["GET /{tenant}/remisser/{id:guid}/sammanstallning"] = Access.RemissOwner,
        ["GET /{tenant}/remisser/{id:guid}/excel"] = Access.RemissOwner,
        ["GET /{tenant}/remisser/{id:guid}/fragor"] = Access.RemissOwner,
        ["GET /{tenant}/remisser/{id:guid}/fragor/{number:int}"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/fragor/{number:int}?handler=Raise"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/fragor/{number:int}?handler=Revise"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/fragor/{number:int}?handler=Remove"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/fragor/{number:int}?handler=Comment"] = Access.RemissOwner,
        ["GET /{tenant}/remisser/{id:guid}/synpunkter-utanfor-fragorna"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/synpunkter-utanfor-fragorna?handler=Raise"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/synpunkter-utanfor-fragorna?handler=Revise"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/synpunkter-utanfor-fragorna?handler=Remove"] = Access.RemissOwner,
        ["GET /{tenant}/remisser/{id:guid}/teman"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/teman?handler=Add"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/teman?handler=Rename"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/teman?handler=Merge"] = Access.RemissOwner,
        ["GET /{tenant}/remisser/{id:guid}/avsluta"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/avsluta"] = Access.RemissOwner,

        // The owner's view of one recipient's yttrande, and its files.
        ["GET /{tenant}/remisser/{id:guid}/yttranden/{recipientId:guid}"] = Access.RemissOwner,
        ["POST /{tenant}/remisser/{id:guid}/yttranden/{recipientId:guid}?handler=Reopen"] = Access.RemissOwner,
        // The matrix's yttrande is a draft: it stays with its nämnd until submitted (the owners read it from then on).
        ["GET /{tenant}/remisser/{id:guid}/yttranden/{recipientId:guid}/bilagor/{attachmentId:guid}"] = Access.OwnRecipient,
        ["GET /{tenant}/remisser/{id:guid}/yttranden/{recipientId:guid}/word"] = Access.OwnRecipient,

        // The recipient's yttrande form and its steps.
        ["GET /{tenant}/remisser/{id:guid}/yttrande"] = Access.OwnRecipient,
        ["POST /{tenant}/remisser/{id:guid}/yttrande"] = Access.OwnRecipient,
        ["POST /{tenant}/remisser/{id:guid}/yttrande?handler=AddSignatory"] = Access.OwnRecipient,
        ["POST /{tenant}/remisser/{id:guid}/yttrande?handler=Upload"] = Access.OwnRecipient,
        ["POST /{tenant}/remisser/{id:guid}/yttrande?handler=RemoveAttachment"] = Access.OwnRecipient,
        ["POST /{tenant}/remisser/{id:guid}/yttrande?handler=Submit"] = Access.OwnRecipient,
        ["POST /{tenant}/remisser/{id:guid}/yttrande?handler=Decline"] = Access.OwnRecipient,
        ["POST /{tenant}/remisser/{id:guid}/yttrande?handler=Extension"] = Access.OwnRecipient,
        ["POST /{tenant}/remisser/{id:guid}/yttrande?handler=Autosave"] = Access.OwnRecipient,
        ["GET /{tenant}/remisser/{id:guid}/yttrande/avsta"] = Access.OwnRecipient,
        ["POST /{tenant}/remisser/{id:guid}/yttrande/avsta"] = Access.OwnRecipient,
        ["GET /{tenant}/remisser/{id:guid}/yttrande/anstand"] = Access.OwnRecipient,
        ["POST /{tenant}/remisser/{id:guid}/yttrande/anstand"] = Access.OwnRecipient,
        ["GET /{tenant}/remisser/{id:guid}/yttrande/skicka-in"] = Access.OwnRecipient,
        ["POST /{tenant}/remisser/{id:guid}/yttrande/skicka-in"] = Access.OwnRecipient,
        ["GET /{tenant}/remisser/{id:guid}/yttrande/beslut"] = Access.OwnRecipient,
        ["POST /{tenant}/remisser/{id:guid}/yttrande/beslut"] = Access.OwnRecipient,

        // The tenant administrator's pages.
        ["GET /{tenant}/admin"] = Access.TenantAdmin,
        ["GET /{tenant}/admin/dokumentmall"] = Access.TenantAdmin,
        ["POST /{tenant}/admin/dokumentmall"] = Access.TenantAdmin,
        ["POST /{tenant}/admin/dokumentmall?handler=Remove"] = Access.TenantAdmin,
        ["GET /{tenant}/admin/logg"] = Access.TenantAdmin,
        ["GET /{tenant}/admin/logg?handler=Csv"] = Access.TenantAdmin,
        ["GET /{tenant}/admin/inloggning"] = Access.TenantAdmin,
        ["POST /{tenant}/admin/inloggning"] = Access.TenantAdmin,
        ["GET /{tenant}/admin/installningar"] = Access.TenantAdmin,
        ["POST /{tenant}/admin/installningar"] = Access.TenantAdmin,
        ["GET /{tenant}/admin/utskick"] = Access.TenantAdmin,
        ["POST /{tenant}/admin/utskick?handler=Retry"] = Access.TenantAdmin,
        ["GET /{tenant}/admin/organisationer"] = Access.TenantAdmin,
        ["GET /{tenant}/admin/organisationer/ny"] = Access.TenantAdmin,
        ["POST /{tenant}/admin/organisationer/ny"] = Access.TenantAdmin,
        ["GET /{tenant}/admin/organisationer/import"] = Access.TenantAdmin,
        ["POST /{tenant}/admin/organisationer/import?handler=Preview"] = Access.TenantAdmin,
        ["POST /{tenant}/admin/organisationer/import?handler=Import"] = Access.TenantAdmin,
        ["GET /{tenant}/admin/organisationer/{id:guid}"] = Access.TenantAdmin,
        ["POST /{tenant}/admin/organisationer/{id:guid}"] = Access.TenantAdmin,
        ["POST /{tenant}/admin/organisationer/{id:guid}?handler=Retire"] = Access.TenantAdmin,
        ["POST /{tenant}/admin/organisationer/{id:guid}?handler=Reinstate"] = Access.TenantAdmin,
        ["GET /{tenant}/admin/anvandare"] = Access.TenantAdmin,
        ["GET /{tenant}/admin/anvandare/bjud-in"] = Access.TenantAdmin,
        ["POST /{tenant}/admin/anvandare/bjud-in"] = Access.TenantAdmin,
        ["GET /{tenant}/admin/anvandare/{id:guid}"] = Access.TenantAdmin,
        ["POST /{tenant}/admin/anvandare/{id:guid}"] = Access.TenantAdmin,
        ["POST /{tenant}/admin/anvandare/{id:guid}?handler=Deactivate"] = Access.TenantAdmin,
        ["POST /{tenant}/admin/anvandare/{id:guid}?handler=Reactivate"] = Access.TenantAdmin,
        ["POST /{tenant}/admin/anvandare/{id:guid}?handler=Resend"] = Access.TenantAdmin,
    };

    /// <summary>
    /// A post to a page that has no post handler is refused with 405, unless something before the page refuses it as
    /// it refuses the page's GET (sign-in, the folder's policy, another tenant's slug).
    /// </summary>
    public static Outcome ExpectedWithoutHandler(Access access, RoleKind role, IdCase idCase) =>
        Expected(access, role, idCase) switch
        {
            Outcome.SignIn => Outcome.SignIn,
            Outcome.Denied when access != Access.DeniedPage => Outcome.Denied,
            Outcome.NotFound when idCase == IdCase.OtherTenant || (role == RoleKind.Operator && access != Access.NotFoundForAll) => Outcome.NotFound,
            _ => Outcome.MethodNotAllowed,
        };

    /// <summary>Endpoints that are not Razor Pages, with their rows: the health checks and the job dashboard.</summary>
    public static readonly IReadOnlyDictionary<string, Access> OtherEndpoints = new Dictionary<string, Access>(StringComparer.Ordinal)
    {
        ["/healthz"] = Access.Public,
        ["/readyz"] = Access.Public,
        ["/hangfire"] = Access.JobDashboard,
    };

    /// <summary>The one rule that turns a row, a role and a case into the answer expected.</summary>
    public static Outcome Expected(Access access, RoleKind role, IdCase idCase)
    {
        if (access == Access.DeniedPage)
        {
            return Outcome.Denied;
        }

        if (access == Access.JobDashboard)
        {
            return role switch
            {
                RoleKind.Operator => Outcome.Ok,
                RoleKind.Anonymous => Outcome.Unauthorized,
                _ => Outcome.Denied,
            };
        }

        if (access == Access.TenantSignIn)
        {
            // Without a ticket from the provider it sends everyone to the failure page; a person of another tenant, or of none, finds no such page.
            return role != RoleKind.Anonymous && (idCase == IdCase.OtherTenant || role == RoleKind.Operator) ? Outcome.NotFound : Outcome.Public;
        }

        if (idCase is IdCase.OtherRecipientIds or IdCase.OtherFileIds)
        {
            // Whoever may see the parent finds no child of another tenant under it, whether the address or a form field
            // names the child (a bilaga to remove, an anstånd to decide); others are refused as before.
            var own = Expected(access, role, IdCase.Own);
            return own is not (Outcome.Ok or Outcome.Public) ? own : Outcome.NotFound;
        }

        if (idCase != IdCase.Own && access is not (Access.Public or Access.NotFoundForAll))
        {
            // Anything of the other tenant: not found. Under the user's own slug, the folder's policy may refuse first.
            return idCase == IdCase.OtherIds && access == Access.TenantAdmin && role != RoleKind.Admin ? Outcome.Denied : Outcome.NotFound;
        }

        if (access == Access.Public)
        {
            return Outcome.Public;
        }

        if (access == Access.NotFoundForAll)
        {
            return Outcome.NotFound;
        }

        if (role == RoleKind.Anonymous)
        {
            return Outcome.SignIn;
        }

        if (access == Access.SignedIn)
        {
            return Outcome.Ok;
        }

        if (access == Access.Platform)
        {
            return role == RoleKind.Operator ? Outcome.Ok : Outcome.Denied;
        }

        if (role == RoleKind.Operator)
        {
            // A tenant's pages do not exist for someone of no tenant.
            return Outcome.NotFound;
        }

        bool allowed = access switch
        {
            Access.TenantMember => true,
            Access.TenantAdmin => role == RoleKind.Admin,
            Access.RemissOwner => role == RoleKind.Owner,
            Access.RemissReader => role is RoleKind.Owner or RoleKind.Recipient or RoleKind.OtherRecipient,
            Access.OwnRecipient => role == RoleKind.Recipient,
            Access.RecipientReader => role is RoleKind.Owner or RoleKind.Recipient,
            _ => throw new ArgumentOutOfRangeException(nameof(access), access, null),
        };
        return allowed ? Outcome.Ok : access == Access.TenantAdmin ? Outcome.Denied : Outcome.NotFound;
    }
}
