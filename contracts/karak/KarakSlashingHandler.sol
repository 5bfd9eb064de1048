// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

/// @notice Devnet stand-in for Karak's per-asset SlashingHandler: slashed vaults transfer the asset
///         here, where it stays (mainnet handlers burn or otherwise dispose of it).
contract KarakSlashingHandler {
    address public immutable asset;

    constructor(address asset_) {
        asset = asset_;
    }
}
