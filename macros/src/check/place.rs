//! Which model member a checked field stands for: the one at the field's place on the
//! wire. The catalog checks, the endpoint parameters and the host labels all ask it.

use crate::catalog::{Location, Member, Shape};
use crate::checked::{Binding, Field};

/// The model member a checked field stands for: the one at its place on the wire (its
/// wire name and binding, which `fields` set from that member). Exact comparisons, no
/// name folding: this runs for every field of every cataloged declaration.
pub(crate) fn member_for<'s>(shape: &'s Shape, field: &Field) -> Option<&'s Member> {
    shape.members().iter().find(|m| {
        m.wire_name == field.wire_name
            && matches!(
                (m.location, &field.binding),
                (Location::Body, Binding::Body)
                    | (Location::Label, Binding::Label { .. })
                    | (Location::Query, Binding::Query(_))
                    | (Location::QueryParams, Binding::QueryParams)
                    | (Location::Header, Binding::Header(_))
                    | (Location::PrefixHeaders, Binding::PrefixHeaders(_))
                    | (Location::Payload, Binding::Payload)
                    | (Location::ResponseCode, Binding::ResponseCode)
            )
    })
}
