//! Serde helpers for the checksum crate's types, which know no serde: each as its digits.

pub(crate) mod account {
    use autogiro_checksum::AccountNumber;
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(a: &AccountNumber, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(a.as_str())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<AccountNumber, D::Error> {
        let s = String::deserialize(d)?;
        AccountNumber::parse(&s).map_err(D::Error::custom)
    }
}

pub(crate) mod organisation {
    use autogiro_checksum::OrganisationNumber;
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(
        o: &OrganisationNumber,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.serialize_str(o.as_str())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<OrganisationNumber, D::Error> {
        let s = String::deserialize(d)?;
        OrganisationNumber::parse(&s).map_err(D::Error::custom)
    }
}

pub(crate) mod opt_kid {
    use autogiro_checksum::Kid;
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    #[allow(clippy::ref_option)] // The signature serde's `with` asks for.
    pub(crate) fn serialize<S: Serializer>(k: &Option<Kid>, s: S) -> Result<S::Ok, S::Error> {
        match k {
            Some(k) => s.serialize_some(k.as_str()),
            None => s.serialize_none(),
        }
    }

    /// Takes the digits as written: the check digit was checked when the file was read, and a
    /// reader may have been told not to check it.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Kid>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|s| Kid::parse_unchecked(&s).map_err(D::Error::custom))
            .transpose()
    }
}
