// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

/// @notice Minimal enumerable sets (swap-and-pop, like OpenZeppelin's EnumerableSet) so views can list
///         members, registered/allocated sets and strategies without off-chain indexing.
struct AddrSet {
    address[] items;
    mapping(address => uint256) pos; // index + 1; 0 = absent
}

struct KeySet {
    bytes32[] items;
    mapping(bytes32 => uint256) pos;
}

library Sets {
    function add(AddrSet storage s, address a) internal returns (bool) {
        if (s.pos[a] != 0) return false;
        s.items.push(a);
        s.pos[a] = s.items.length;
        return true;
    }

    function remove(AddrSet storage s, address a) internal returns (bool) {
        uint256 p = s.pos[a];
        if (p == 0) return false;
        address last = s.items[s.items.length - 1];
        s.items[p - 1] = last;
        s.pos[last] = p;
        s.items.pop();
        delete s.pos[a];
        return true;
    }

    function contains(AddrSet storage s, address a) internal view returns (bool) {
        return s.pos[a] != 0;
    }

    function add(KeySet storage s, bytes32 k) internal returns (bool) {
        if (s.pos[k] != 0) return false;
        s.items.push(k);
        s.pos[k] = s.items.length;
        return true;
    }

    function remove(KeySet storage s, bytes32 k) internal returns (bool) {
        uint256 p = s.pos[k];
        if (p == 0) return false;
        bytes32 last = s.items[s.items.length - 1];
        s.items[p - 1] = last;
        s.pos[last] = p;
        s.items.pop();
        delete s.pos[k];
        return true;
    }

    function contains(KeySet storage s, bytes32 k) internal view returns (bool) {
        return s.pos[k] != 0;
    }
}
