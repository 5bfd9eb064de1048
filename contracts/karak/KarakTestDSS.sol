// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {QueuedSlashing, SlashRequest} from "./KarakTypes.sol";

interface IKarakCoreDSS {
    function registerDSS(uint256 maxSlashablePercentageWad) external;
    function requestSlashing(SlashRequest calldata slashingRequest) external returns (QueuedSlashing memory);
}

/// @notice A minimal DSS: Core only accepts contracts as DSSs, so this forwards its owner's calls.
///         requestSlashing returns Core's QueuedSlashing, so a caller can simulate it to learn the exact
///         struct finalizeSlashing needs (the RequestedSlashing event lacks timestamp and nonce).
contract KarakTestDSS {
    address public immutable owner;
    IKarakCoreDSS public immutable core;

    error NotOwner();

    constructor(address core_, address owner_) {
        core = IKarakCoreDSS(core_);
        owner = owner_;
    }

    function register(uint256 maxSlashablePercentageWad) external {
        if (msg.sender != owner) revert NotOwner();
        core.registerDSS(maxSlashablePercentageWad);
    }

    function requestSlashing(SlashRequest calldata request) external returns (QueuedSlashing memory) {
        if (msg.sender != owner) revert NotOwner();
        return core.requestSlashing(request);
    }
}
