// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {IEigenPodManagerCore} from "./interfaces/ICore.sol";

/// @notice Devnet EigenPod. Beacon-state proofs cannot run on anvil, so a trusted `beaconOracle` (set by
///         the EigenPodManager at creation) stands in for verifyWithdrawalCredentials / checkpoints via the
///         devnet* functions. Balance changes still flow through EigenPodManager.recordBeaconChainETHBalanceUpdate,
///         so the manager and DelegationManager events/accounting are the mainnet ones.
contract EigenPod {
    address public immutable eigenPodManager;
    address public immutable podOwner;
    address public immutable beaconOracle;

    uint256 public activeValidatorCount;
    uint64 public withdrawableRestakedExecutionLayerGwei;
    uint64 public lastCheckpointTimestamp;
    uint64 public currentCheckpointTimestamp; // always 0: checkpoints complete atomically here
    uint64 public restakedBalanceGwei;
    mapping(bytes32 => uint64) public validatorBalanceGwei;

    event EigenPodStaked(bytes32 pubkeyHash);
    event ValidatorRestaked(bytes32 pubkeyHash);
    event ValidatorBalanceUpdated(bytes32 pubkeyHash, uint64 balanceTimestamp, uint64 newValidatorBalanceGwei);
    event CheckpointFinalized(uint64 indexed checkpointTimestamp, int256 totalShareDeltaWei);
    event ValidatorWithdrawn(uint64 indexed checkpointTimestamp, bytes32 indexed pubkeyHash);

    error OnlyBeaconOracle();
    error OnlyEigenPodManager();
    error ValidatorAlreadyRestaked();
    error ValidatorNotActive();
    error InsufficientPodBalance();

    constructor(address manager, address owner, address oracle) {
        eigenPodManager = manager;
        podOwner = owner;
        beaconOracle = oracle;
    }

    receive() external payable {}

    /// @notice DEVNET ONLY: stands in for a proven withdrawal credential; credits `balanceGwei` as restaked shares.
    function devnetCreditValidator(bytes32 pubkeyHash, uint64 balanceGwei) external {
        if (msg.sender != beaconOracle) revert OnlyBeaconOracle();
        if (validatorBalanceGwei[pubkeyHash] != 0) revert ValidatorAlreadyRestaked();
        activeValidatorCount++;
        validatorBalanceGwei[pubkeyHash] = balanceGwei;
        emit ValidatorRestaked(pubkeyHash);
        emit ValidatorBalanceUpdated(pubkeyHash, uint64(block.timestamp), balanceGwei);
        uint256 prevWei = uint256(restakedBalanceGwei) * 1 gwei;
        restakedBalanceGwei += balanceGwei;
        IEigenPodManagerCore(eigenPodManager).recordBeaconChainETHBalanceUpdate(podOwner, prevWei, int256(uint256(balanceGwei) * 1 gwei));
    }

    /// @notice DEVNET ONLY: stands in for a completed checkpoint that observed a new validator balance.
    ///         A decrease lowers the owner's beaconChainSlashingFactor (BeaconChainSlashingFactorDecreased).
    function devnetCheckpointValidator(bytes32 pubkeyHash, uint64 newBalanceGwei) external {
        if (msg.sender != beaconOracle) revert OnlyBeaconOracle();
        uint64 old = validatorBalanceGwei[pubkeyHash];
        if (old == 0) revert ValidatorNotActive();
        uint64 ts = uint64(block.timestamp);
        validatorBalanceGwei[pubkeyHash] = newBalanceGwei;
        emit ValidatorBalanceUpdated(pubkeyHash, ts, newBalanceGwei);
        if (newBalanceGwei == 0) {
            activeValidatorCount--;
            emit ValidatorWithdrawn(ts, pubkeyHash);
        }
        uint256 prevWei = uint256(restakedBalanceGwei) * 1 gwei;
        restakedBalanceGwei = restakedBalanceGwei - old + newBalanceGwei;
        int256 delta = (int256(uint256(newBalanceGwei)) - int256(uint256(old))) * 1 gwei;
        lastCheckpointTimestamp = ts;
        emit CheckpointFinalized(ts, delta);
        IEigenPodManagerCore(eigenPodManager).recordBeaconChainETHBalanceUpdate(podOwner, prevWei, delta);
    }

    /// @dev Completing a beacon-ETH withdrawal as tokens pays from the pod's real ETH balance (fund it
    ///      with a plain transfer first on a devnet).
    function withdrawRestakedBeaconChainETH(address recipient, uint256 amountWei) external {
        if (msg.sender != eigenPodManager) revert OnlyEigenPodManager();
        if (address(this).balance < amountWei) revert InsufficientPodBalance();
        (bool ok,) = recipient.call{value: amountWei}("");
        if (!ok) revert InsufficientPodBalance();
    }
}
