// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {OperatorSet} from "./interfaces/Types.sol";
import {IDelegationCore, IEigenPodLike} from "./interfaces/ICore.sol";
import {EigenPod} from "./EigenPod.sol";

/// @notice Native-restaking share ledger (mainnet EigenPodManager semantics minus proofs and proxies).
///         Pods are CREATE2-deployed with the owner as salt so getPod() is known before createPod(),
///         as on mainnet.
contract EigenPodManager {
    uint64 internal constant WAD = 1e18;
    address public constant beaconChainETHStrategy = 0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0;

    address public immutable delegationManager;
    address public immutable beaconOracle;

    struct BeaconFactor {
        bool isSet;
        uint64 slashingFactor;
    }

    mapping(address => address) public ownerToPod;
    mapping(address => int256) public podOwnerDepositShares;
    mapping(address => BeaconFactor) internal _beaconFactor;
    uint256 public numPods;
    uint256 public burnableETHShares;

    event PodDeployed(address indexed eigenPod, address indexed podOwner);
    event PodSharesUpdated(address indexed podOwner, int256 sharesDelta);
    event NewTotalShares(address indexed podOwner, int256 newTotalShares);
    event BeaconChainSlashingFactorDecreased(address staker, uint64 prevBeaconChainSlashingFactor, uint64 newBeaconChainSlashingFactor);
    event BurnableETHSharesIncreased(uint256 shares);

    error EigenPodAlreadyExists();
    error OnlyEigenPod();
    error OnlyDelegationManager();
    error InvalidStrategy();
    error SharesNegative();
    error SharesAmountTooHigh();
    error StakeNotSupportedOnDevnet();

    constructor(address delegation_, address beaconOracle_) {
        delegationManager = delegation_;
        beaconOracle = beaconOracle_;
    }

    modifier onlyDelegation() {
        if (msg.sender != delegationManager) revert OnlyDelegationManager();
        _;
    }

    function createPod() external returns (address) {
        if (ownerToPod[msg.sender] != address(0)) revert EigenPodAlreadyExists();
        return _deployPod(msg.sender);
    }

    /// @dev No beacon deposit contract on anvil; use EigenPod.devnetCreditValidator instead.
    function stake(bytes calldata, bytes calldata, bytes32) external payable {
        revert StakeNotSupportedOnDevnet();
    }

    function getPod(address podOwner) public view returns (address) {
        address pod = ownerToPod[podOwner];
        if (pod != address(0)) return pod;
        bytes32 initHash = keccak256(abi.encodePacked(type(EigenPod).creationCode, abi.encode(address(this), podOwner, beaconOracle)));
        return address(uint160(uint256(keccak256(abi.encodePacked(bytes1(0xff), address(this), _salt(podOwner), initHash)))));
    }

    function hasPod(address podOwner) external view returns (bool) {
        return ownerToPod[podOwner] != address(0);
    }

    function stakerDepositShares(address user, address strategy) public view returns (uint256 depositShares) {
        if (strategy != beaconChainETHStrategy) revert InvalidStrategy();
        int256 s = podOwnerDepositShares[user];
        return s < 0 ? 0 : uint256(s);
    }

    function beaconChainSlashingFactor(address staker) public view returns (uint64) {
        BeaconFactor memory f = _beaconFactor[staker];
        return f.isSet ? f.slashingFactor : WAD;
    }

    /// @dev Called by a pod when restaked balance changes. Increases mint shares; decreases lower the
    ///      beacon-chain slashing factor (deposit shares are untouched), exactly as mainnet.
    function recordBeaconChainETHBalanceUpdate(address podOwner, uint256 prevRestakedBalanceWei, int256 balanceDeltaWei) external {
        if (msg.sender != ownerToPod[podOwner] || msg.sender == address(0)) revert OnlyEigenPod();
        if (balanceDeltaWei > 0) {
            (uint256 prev, uint256 added) = _addShares(podOwner, uint256(balanceDeltaWei));
            IDelegationCore(delegationManager).increaseDelegatedShares(podOwner, beaconChainETHStrategy, prev, added);
        } else if (balanceDeltaWei < 0) {
            uint64 prevFactor = beaconChainSlashingFactor(podOwner);
            uint256 remaining = prevRestakedBalanceWei - uint256(-balanceDeltaWei);
            uint64 newFactor = uint64((uint256(prevFactor) * remaining) / prevRestakedBalanceWei);
            _beaconFactor[podOwner] = BeaconFactor(true, newFactor);
            emit BeaconChainSlashingFactorDecreased(podOwner, prevFactor, newFactor);
            IDelegationCore(delegationManager).decreaseDelegatedShares(podOwner, stakerDepositShares(podOwner, beaconChainETHStrategy), prevFactor - newFactor);
        }
    }

    // ---- hooks for DelegationManager ----

    function addShares(address staker, address strategy, uint256 shares) external onlyDelegation returns (uint256, uint256) {
        if (strategy != beaconChainETHStrategy) revert InvalidStrategy();
        return _addShares(staker, shares);
    }

    function removeDepositShares(address staker, address strategy, uint256 depositSharesToRemove) external onlyDelegation returns (uint256) {
        if (strategy != beaconChainETHStrategy) revert InvalidStrategy();
        int256 cur = podOwnerDepositShares[staker];
        if (int256(depositSharesToRemove) > cur) revert SharesAmountTooHigh();
        int256 updated = cur - int256(depositSharesToRemove);
        podOwnerDepositShares[staker] = updated;
        emit PodSharesUpdated(staker, -int256(depositSharesToRemove));
        emit NewTotalShares(staker, updated);
        return uint256(updated);
    }

    function withdrawSharesAsTokens(address staker, address strategy, address, uint256 shares) external onlyDelegation {
        if (strategy != beaconChainETHStrategy) revert InvalidStrategy();
        IEigenPodLike(ownerToPod[staker]).withdrawRestakedBeaconChainETH(staker, shares);
    }

    function increaseBurnOrRedistributableShares(OperatorSet calldata, uint256, address, uint256 addedSharesToBurn) external onlyDelegation {
        burnableETHShares += addedSharesToBurn;
        emit BurnableETHSharesIncreased(addedSharesToBurn);
    }

    // ---- internals ----

    function _addShares(address staker, uint256 shares) internal returns (uint256 prev, uint256 added) {
        int256 cur = podOwnerDepositShares[staker];
        if (cur < 0) revert SharesNegative(); // legacy deficits cannot arise on the devnet
        int256 updated = cur + int256(shares);
        podOwnerDepositShares[staker] = updated;
        emit PodSharesUpdated(staker, int256(shares));
        emit NewTotalShares(staker, updated);
        return (uint256(cur), shares);
    }

    function _deployPod(address owner) internal returns (address pod) {
        numPods++;
        pod = address(new EigenPod{salt: _salt(owner)}(address(this), owner, beaconOracle));
        ownerToPod[owner] = pod;
        emit PodDeployed(pod, owner);
    }

    function _salt(address owner) internal pure returns (bytes32) {
        return bytes32(uint256(uint160(owner)));
    }
}
