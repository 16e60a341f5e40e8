//! The Merkle tree of RFC 9162 (Certificate Transparency 2.0) over a day's event hashes: one
//! root stands for every leaf, and a path of about log2(n) hashes proves that one leaf is
//! among them, to anyone holding the root, without showing any other leaf. Pure: no
//! database, no clock.
use sha2::{Digest, Sha256};

/// A SHA-256 value.
pub type Hash = [u8; 32];

/// The hash of a leaf: its data after the byte 0x00, so no leaf can pass for an inner node.
#[must_use]
pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0x00]);
    h.update(data);
    h.finalize().into()
}

/// The hash of an inner node: its children after the byte 0x01.
fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([0x01]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// The largest power of two below `n` (n ≥ 2): where the tree splits.
fn split(n: usize) -> usize {
    let mut k = 1;
    while k * 2 < n {
        k *= 2;
    }
    k
}

/// The root over `leaves` (already leaf-hashed); the hash of nothing for none.
#[must_use]
pub fn root(leaves: &[Hash]) -> Hash {
    match leaves {
        [] => Sha256::digest([]).into(),
        [one] => *one,
        _ => {
            let k = split(leaves.len());
            node_hash(&root(&leaves[..k]), &root(&leaves[k..]))
        }
    }
}

/// The inclusion path of leaf `index` among `leaves`, nearest sibling first; `None` when
/// there is no such leaf.
#[must_use]
pub fn path(leaves: &[Hash], index: usize) -> Option<Vec<Hash>> {
    if index >= leaves.len() {
        return None;
    }
    let mut part = leaves;
    let mut at = index;
    let mut siblings = Vec::new();
    while part.len() > 1 {
        let k = split(part.len());
        if at < k {
            siblings.push(root(&part[k..]));
            part = &part[..k];
        } else {
            siblings.push(root(&part[..k]));
            part = &part[k..];
            at -= k;
        }
    }
    // Gathered from the top down; a path reads from the leaf up.
    siblings.reverse();
    Some(siblings)
}

/// Whether `leaf` (leaf-hashed) at `index` of a tree of `size` leaves, with `path`, gives
/// `root` (RFC 9162, 2.1.3.2).
#[must_use]
pub fn verify(leaf: &Hash, index: u64, size: u64, path: &[Hash], root: &Hash) -> bool {
    if index >= size {
        return false;
    }
    let (mut f, mut s) = (index, size - 1);
    let mut r = *leaf;
    for p in path {
        if s == 0 {
            return false;
        }
        if f & 1 == 1 || f == s {
            r = node_hash(p, &r);
            if f & 1 == 0 {
                while f & 1 == 0 && f != 0 {
                    f >>= 1;
                    s >>= 1;
                }
            }
        } else {
            r = node_hash(&r, p);
        }
        f >>= 1;
        s >>= 1;
    }
    s == 0 && r == *root
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn leaves(n: usize) -> Vec<Hash> {
        (0..n)
            .map(|i| leaf_hash(format!("event {i}").as_bytes()))
            .collect()
    }

    #[test]
    fn a_tree_of_one_is_its_leaf_and_of_none_the_hash_of_nothing() {
        let one = leaves(1);
        assert_eq!(root(&one), one[0]);
        assert_eq!(
            hex::encode(root(&[])),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn three_leaves_split_two_and_one_as_the_rfc_draws_it() {
        let l = leaves(3);
        assert_eq!(root(&l), node_hash(&node_hash(&l[0], &l[1]), &l[2]));
        assert_eq!(path(&l, 2), Some(vec![node_hash(&l[0], &l[1])]));
        assert_eq!(path(&l, 0), Some(vec![l[1], l[2]]));
    }

    proptest! {
        #[test]
        fn every_leaf_proves_its_place_and_nothing_else_does(n in 1usize..90, pick in 0usize..90) {
            let l = leaves(n);
            let r = root(&l);
            let i = pick % n;
            let p = path(&l, i).expect("a path");
            let size = n as u64;
            prop_assert!(verify(&l[i], i as u64, size, &p, &r));
            // Another leaf, another place, another size, a changed path: none proves.
            prop_assert!(!verify(&leaf_hash(b"slipped in"), i as u64, size, &p, &r));
            if n > 1 {
                let j = (i + 1) % n;
                prop_assert!(!verify(&l[i], j as u64, size, &p, &r));
                let mut bent = p.clone();
                bent[0][0] ^= 1;
                prop_assert!(!verify(&l[i], i as u64, size, &bent, &r));
            }
            prop_assert!(path(&l, n).is_none());
        }
    }
}
