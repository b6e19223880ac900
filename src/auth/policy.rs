//! The one authorisation policy: may this principal do this action on this
//! resource? Every handler asks here. Someone with no access at all to an
//! organisation gets `NotFound`, so that its existence does not leak; someone
//! inside the organisation whose role is not enough gets `Forbidden`.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

/// A role in one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Director,
    Manager,
    Viewer,
    Consultant,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Director, Role::Manager, Role::Viewer, Role::Consultant];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Director => "director",
            Role::Manager => "manager",
            Role::Viewer => "viewer",
            Role::Consultant => "consultant",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Stored as its text (`memberships.role`, checked by the database too).
impl TryFrom<String> for Role {
    type Error = String;

    fn try_from(text: String) -> Result<Role, String> {
        Role::parse(&text).ok_or_else(|| format!("not a role: {text:?}"))
    }
}

impl From<Role> for String {
    fn from(role: Role) -> String {
        role.as_str().to_string()
    }
}

/// The signed-in user as the policy sees them.
#[derive(Debug, Clone, Default)]
pub struct Principal {
    pub user_id: String,
    pub is_platform_admin: bool,
    pub is_consultant: bool,
    /// organisation id → role
    pub memberships: HashMap<String, Role>,
    /// ids of the teams this user manages
    pub managed_teams: HashSet<String>,
}

#[derive(Debug, Clone, Copy)]
pub enum Action<'a> {
    /// Create a new organisation (platform admins and consultants).
    CreateOrganisation,
    /// Platform administration: users, consultants, reset links.
    AdministerPlatform,
    /// Give or take a consultant's access to an organisation (the platform
    /// administrator's decision, not the client's).
    AssignConsultants,
    /// The consultant's portfolio of client organisations, with the sector
    /// benchmarks.
    ViewPortfolio,
    ViewOrganisation {
        org: &'a str,
    },
    /// The whole organisation's results (a manager sees only their teams').
    ViewOrganisationResults {
        org: &'a str,
    },
    EditOrganisation {
        org: &'a str,
    },
    DeleteOrganisation {
        org: &'a str,
    },
    ManageTeams {
        org: &'a str,
    },
    ManageMembers {
        org: &'a str,
    },
    /// Create, edit, open, close campaigns; invitations; imports.
    ManageCampaigns {
        org: &'a str,
    },
    /// Remind the people invited by e-mail who have not answered yet.
    SendReminders {
        org: &'a str,
    },
    /// A manager's self-assessment of one team they manage.
    SelfAssess {
        org: &'a str,
        team: &'a str,
    },
    /// The executives' organisation-level estimates.
    ExecutiveAssess {
        org: &'a str,
    },
    /// Adopt or follow up a point of the plan, for the organisation (empty
    /// lineage) or a team (its lineage).
    ManageActions {
        org: &'a str,
        lineage: &'a [String],
    },
    /// Write the consultant's findings and recommendations of a campaign's
    /// audit report and choose the comments it quotes: the consultants
    /// assigned to the organisation and its directors (and the platform
    /// administrator); not managers or viewers.
    WriteAuditNotes {
        org: &'a str,
    },
    /// An organisation's webhook endpoints, their secrets and delivery log
    /// (they carry call-back requests and counts out of Miroir).
    ManageWebhooks {
        org: &'a str,
    },
    /// See a team; `lineage` is the team's id followed by its ancestors' ids,
    /// so that the manager of a region sees its branches.
    ViewTeam {
        org: &'a str,
        lineage: &'a [String],
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Forbidden,
    NotFound,
}

impl Principal {
    pub fn role_in(&self, org: &str) -> Option<Role> {
        self.memberships.get(org).copied()
    }

    pub fn may(&self, action: Action<'_>) -> Decision {
        // Self-assessments are signed answers of the people themselves:
        // being a platform admin does not make one a team's manager.
        let personal = matches!(action, Action::SelfAssess { .. } | Action::ExecutiveAssess { .. });
        if self.is_platform_admin && !personal {
            return Decision::Allow;
        }
        let org = match action {
            Action::CreateOrganisation | Action::ViewPortfolio => return allow_if(self.is_consultant),
            Action::AdministerPlatform | Action::AssignConsultants => return Decision::Forbidden,
            Action::ViewOrganisation { org }
            | Action::ViewOrganisationResults { org }
            | Action::EditOrganisation { org }
            | Action::DeleteOrganisation { org }
            | Action::ManageTeams { org }
            | Action::ManageMembers { org }
            | Action::ManageCampaigns { org }
            | Action::SendReminders { org }
            | Action::SelfAssess { org, .. }
            | Action::ExecutiveAssess { org }
            | Action::ManageActions { org, .. }
            | Action::WriteAuditNotes { org }
            | Action::ManageWebhooks { org }
            | Action::ViewTeam { org, .. } => org,
        };
        let Some(role) = self.role_in(org) else {
            return Decision::NotFound;
        };
        use Role::*;
        match action {
            Action::ViewOrganisation { .. } => Decision::Allow,
            Action::ViewOrganisationResults { .. } => allow_if(role != Manager),
            Action::EditOrganisation { .. }
            | Action::ManageTeams { .. }
            | Action::ManageMembers { .. }
            | Action::ManageCampaigns { .. }
            | Action::SendReminders { .. }
            | Action::ManageWebhooks { .. } => allow_if(matches!(role, Director | Consultant)),
            Action::SelfAssess { team, .. } => allow_if(role == Manager && self.managed_teams.contains(team)),
            Action::ExecutiveAssess { .. } => allow_if(role == Director),
            Action::ManageActions { lineage, .. } => match role {
                Director | Consultant => Decision::Allow,
                Manager => allow_if(lineage.iter().any(|t| self.managed_teams.contains(t))),
                Viewer => Decision::Forbidden,
            },
            Action::DeleteOrganisation { .. } => allow_if(role == Consultant),
            Action::WriteAuditNotes { .. } => allow_if(matches!(role, Director | Consultant)),
            Action::ViewTeam { lineage, .. } => match role {
                Director | Consultant | Viewer => Decision::Allow,
                Manager => allow_if(lineage.iter().any(|t| self.managed_teams.contains(t))),
            },
            Action::CreateOrganisation
            | Action::ViewPortfolio
            | Action::AdministerPlatform
            | Action::AssignConsultants => Decision::Forbidden,
        }
    }
}

fn allow_if(condition: bool) -> Decision {
    if condition {
        Decision::Allow
    } else {
        Decision::Forbidden
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(role: Role) -> Principal {
        let mut p = Principal {
            user_id: "u".into(),
            ..Default::default()
        };
        p.memberships.insert("org".into(), role);
        p
    }

    #[test]
    fn other_organisations_are_not_found_not_forbidden() {
        let p = member(Role::Director);
        assert_eq!(p.may(Action::ViewOrganisation { org: "other" }), Decision::NotFound);
        assert_eq!(p.may(Action::ManageTeams { org: "other" }), Decision::NotFound);
        assert_eq!(p.may(Action::ManageTeams { org: "org" }), Decision::Allow);
    }

    #[test]
    fn a_manager_sees_the_teams_under_the_ones_they_manage() {
        let mut p = member(Role::Manager);
        p.managed_teams.insert("region".into());
        let branch = ["branch".to_string(), "region".to_string()];
        let elsewhere = ["other-branch".to_string(), "other-region".to_string()];
        assert_eq!(
            p.may(Action::ViewTeam {
                org: "org",
                lineage: &branch
            }),
            Decision::Allow
        );
        assert_eq!(
            p.may(Action::ViewTeam {
                org: "org",
                lineage: &elsewhere
            }),
            Decision::Forbidden
        );
        assert_eq!(p.may(Action::ManageTeams { org: "org" }), Decision::Forbidden);
    }

    #[test]
    fn only_consultants_and_admins_delete_or_create_organisations() {
        assert_eq!(
            member(Role::Director).may(Action::DeleteOrganisation { org: "org" }),
            Decision::Forbidden
        );
        assert_eq!(
            member(Role::Consultant).may(Action::DeleteOrganisation { org: "org" }),
            Decision::Allow
        );
        assert_eq!(
            member(Role::Director).may(Action::CreateOrganisation),
            Decision::Forbidden
        );
        let admin = Principal {
            is_platform_admin: true,
            ..Default::default()
        };
        assert_eq!(admin.may(Action::DeleteOrganisation { org: "any" }), Decision::Allow);
    }

    #[test]
    fn what_handlers_once_decided_inline_is_the_policy_now() {
        let manager = member(Role::Manager);
        let viewer = member(Role::Viewer);
        let consultant = Principal {
            is_consultant: true,
            ..member(Role::Consultant)
        };
        let admin = Principal {
            is_platform_admin: true,
            ..Default::default()
        };
        let org = Action::ViewOrganisationResults { org: "org" };
        assert_eq!(manager.may(org), Decision::Forbidden);
        assert_eq!(viewer.may(org), Decision::Allow);
        assert_eq!(
            member(Role::Director).may(Action::ViewOrganisationResults { org: "other" }),
            Decision::NotFound
        );
        for p in [&manager, &viewer, &consultant, &member(Role::Director)] {
            assert_eq!(p.may(Action::AssignConsultants), Decision::Forbidden);
        }
        assert_eq!(admin.may(Action::AssignConsultants), Decision::Allow);
        assert_eq!(consultant.may(Action::ViewPortfolio), Decision::Allow);
        assert_eq!(viewer.may(Action::ViewPortfolio), Decision::Forbidden);
        assert_eq!(admin.may(Action::ViewPortfolio), Decision::Allow);
    }

    #[test]
    fn consultants_directors_and_the_admin_write_the_audit_notes_managers_and_viewers_do_not() {
        let write = Action::WriteAuditNotes { org: "org" };
        let consultant = Principal {
            is_consultant: true,
            ..member(Role::Consultant)
        };
        assert_eq!(consultant.may(write), Decision::Allow);
        assert_eq!(member(Role::Director).may(write), Decision::Allow);
        assert_eq!(member(Role::Manager).may(write), Decision::Forbidden);
        assert_eq!(member(Role::Viewer).may(write), Decision::Forbidden);
        // A manager of every team is still not the author of the report.
        let mut manager = member(Role::Manager);
        manager.managed_teams.insert("root".into());
        assert_eq!(manager.may(write), Decision::Forbidden);
        let admin = Principal {
            is_platform_admin: true,
            ..Default::default()
        };
        assert_eq!(admin.may(write), Decision::Allow);
        // A consultant not assigned to the organisation does not see it.
        let unassigned = Principal {
            is_consultant: true,
            ..Default::default()
        };
        assert_eq!(unassigned.may(write), Decision::NotFound);
        assert_eq!(
            member(Role::Director).may(Action::WriteAuditNotes { org: "other" }),
            Decision::NotFound
        );
    }

    #[test]
    fn webhooks_are_for_admins_directors_and_the_organisations_consultants() {
        let action = Action::ManageWebhooks { org: "org" };
        let admin = Principal {
            is_platform_admin: true,
            ..Default::default()
        };
        assert_eq!(admin.may(action), Decision::Allow);
        assert_eq!(member(Role::Director).may(action), Decision::Allow);
        let consultant = Principal {
            is_consultant: true,
            ..member(Role::Consultant)
        };
        assert_eq!(consultant.may(action), Decision::Allow);
        let mut manager = member(Role::Manager);
        manager.managed_teams.insert("team".into());
        assert_eq!(manager.may(action), Decision::Forbidden);
        assert_eq!(member(Role::Viewer).may(action), Decision::Forbidden);
        // A consultant of another organisation, a director elsewhere.
        let elsewhere = Principal {
            is_consultant: true,
            ..member(Role::Consultant)
        };
        assert_eq!(
            elsewhere.may(Action::ManageWebhooks { org: "other" }),
            Decision::NotFound
        );
        assert_eq!(
            member(Role::Director).may(Action::ManageWebhooks { org: "other" }),
            Decision::NotFound
        );
    }
}
