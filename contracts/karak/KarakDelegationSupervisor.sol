// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {KeySet, Sets} from "../lib/Sets.sol";
import {QueuedWithdrawalV1, WithdrawRequest} from "./KarakTypes.sol";

interface IKarakVaultSupervisorV1 {
    function removeShares(address staker, address vault, uint256 shares) external;
    function redeemShares(address vault, uint256 shares, address to) external returns (uint256);
}

/// @notice Karak V1 DelegationSupervisor, withdrawal queue only (reference §3.8 DelegationSupervisorV1,
///         §6.3): startWithdraw removes credited shares and queues them; finishWithdraw (by the
///         withdrawer, after withdrawalDelay seconds) redeems them. Root = keccak256(abi.encode(queued)).
///         Simplification: no operator delegation in V1 here, so delegatedTo is always 0.
contract KarakDelegationSupervisor {
    using Sets for KeySet;

    IKarakVaultSupervisorV1 public immutable vaultSupervisor;
    uint256 public immutable withdrawalDelay;
    mapping(address => uint256) public withdrawNonce;
    mapping(bytes32 => bool) public pendingWithdraws;
    mapping(address => KeySet) internal stakerRoots;
    mapping(bytes32 => QueuedWithdrawalV1) internal queued;

    event StartedWithdrawal(address indexed vault, address indexed staker, address indexed operator, address withdrawer, uint256 shares);
    event FinishedWithdrawal(address indexed vault, address indexed staker, address indexed operator, address withdrawer, uint256 shares, bytes32 withdrawRoot);

    error LengthMismatch();
    error WithdrawerNotCaller();
    error WithdrawalNotFound();
    error MinWithdrawDelayNotPassed();

    constructor(address vaultSupervisor_, uint256 withdrawalDelay_) {
        vaultSupervisor = IKarakVaultSupervisorV1(vaultSupervisor_);
        withdrawalDelay = withdrawalDelay_;
    }

    function startWithdraw(WithdrawRequest[] calldata withdrawalRequests)
        external
        returns (bytes32[] memory withdrawalRoots, QueuedWithdrawalV1[] memory withdrawConfigs)
    {
        withdrawalRoots = new bytes32[](withdrawalRequests.length);
        withdrawConfigs = new QueuedWithdrawalV1[](withdrawalRequests.length);
        for (uint256 i; i < withdrawalRequests.length; i++) {
            WithdrawRequest calldata r = withdrawalRequests[i];
            if (r.vaults.length != r.shares.length) revert LengthMismatch();
            for (uint256 j; j < r.vaults.length; j++) {
                vaultSupervisor.removeShares(msg.sender, r.vaults[j], r.shares[j]);
                emit StartedWithdrawal(r.vaults[j], msg.sender, address(0), r.withdrawer, r.shares[j]);
            }
            QueuedWithdrawalV1 memory w = QueuedWithdrawalV1({
                staker: msg.sender, delegatedTo: address(0), nonce: withdrawNonce[msg.sender]++, start: block.timestamp, request: r
            });
            bytes32 root = keccak256(abi.encode(w));
            pendingWithdraws[root] = true;
            stakerRoots[msg.sender].add(root);
            queued[root] = w;
            withdrawalRoots[i] = root;
            withdrawConfigs[i] = w;
        }
    }

    function finishWithdraw(QueuedWithdrawalV1[] calldata startedWithdrawals) external {
        for (uint256 i; i < startedWithdrawals.length; i++) {
            QueuedWithdrawalV1 calldata w = startedWithdrawals[i];
            bytes32 root = keccak256(abi.encode(w));
            if (!pendingWithdraws[root]) revert WithdrawalNotFound();
            if (w.request.withdrawer != msg.sender) revert WithdrawerNotCaller();
            if (block.timestamp < w.start + withdrawalDelay) revert MinWithdrawDelayNotPassed();
            delete pendingWithdraws[root];
            delete queued[root];
            stakerRoots[w.staker].remove(root);
            for (uint256 j; j < w.request.vaults.length; j++) {
                vaultSupervisor.redeemShares(w.request.vaults[j], w.request.shares[j], msg.sender);
                emit FinishedWithdrawal(w.request.vaults[j], w.staker, w.delegatedTo, msg.sender, w.request.shares[j], root);
            }
        }
    }

    function fetchQueuedWithdrawals(address staker) external view returns (QueuedWithdrawalV1[] memory queuedWithdrawals) {
        bytes32[] storage roots = stakerRoots[staker].items;
        queuedWithdrawals = new QueuedWithdrawalV1[](roots.length);
        for (uint256 i; i < roots.length; i++) queuedWithdrawals[i] = queued[roots[i]];
    }

    function isWithdrawPending(QueuedWithdrawalV1 calldata withdrawal) external view returns (bool) {
        return pendingWithdraws[keccak256(abi.encode(withdrawal))];
    }
}
