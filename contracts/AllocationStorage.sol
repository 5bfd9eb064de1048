// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {OperatorSet, Allocation, OperatorSetKey} from "./interfaces/Types.sol";
import {IDelegationCore} from "./interfaces/ICore.sol";
import {AddrSet, KeySet, Sets} from "./lib/Sets.sol";

/// @notice AllocationManager state, events and allocation folding shared by the view and write halves
///         (mainnet also splits it, into AllocationManager + AllocationManagerView, for code size).
abstract contract AllocationStorage {
    using Sets for AddrSet;
    using Sets for KeySet;

    uint64 internal constant WAD = 1e18;
    /// @dev Mainnet's DEFAULT_BURN_ADDRESS: the "recipient" of non-redistributing sets.
    address public constant DEFAULT_BURN_ADDRESS = 0x00000000000000000000000000000000000E16E4;
    address internal constant BEACONCHAIN_ETH_STRAT = 0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0;

    IDelegationCore public immutable delegation;
    uint32 public immutable DEALLOCATION_DELAY;
    uint32 public immutable ALLOCATION_CONFIGURATION_DELAY;
    uint32 public immutable SLASHER_CONFIGURATION_DELAY;

    struct MagSnap {
        uint32 blockNumber;
        uint64 value;
    }

    struct RegStatus {
        bool registered;
        uint32 slashableUntil;
    }

    struct DelayInfo {
        uint32 delay;
        bool isSet;
        uint32 pendingDelay;
        uint32 effectBlock;
    }

    struct SlasherInfo {
        address slasher;
        address pendingSlasher;
        uint32 effectBlock;
    }

    mapping(address => bool) internal _avsHasMetadata;
    mapping(address => address) internal _registrar;
    mapping(address => uint32[]) internal _setIds;
    mapping(bytes32 => bool) internal _exists;
    mapping(bytes32 => AddrSet) internal _setStrategies;
    mapping(bytes32 => AddrSet) internal _members;
    mapping(bytes32 => SlasherInfo) internal _slashers;
    mapping(bytes32 => address) internal _recipients;
    mapping(bytes32 => uint256) internal _slashIds;
    mapping(address => mapping(bytes32 => RegStatus)) internal _reg;
    mapping(address => KeySet) internal _registeredSets;
    mapping(address => KeySet) internal _allocatedSets;
    mapping(address => mapping(bytes32 => AddrSet)) internal _allocatedStrategies;
    mapping(address => mapping(bytes32 => mapping(address => Allocation))) internal _alloc;
    mapping(address => mapping(address => MagSnap[])) internal _maxMagHistory;
    mapping(address => mapping(address => uint64)) internal _encumbered;
    /// @dev Pending deallocations per (operator, strategy), oldest first; DEALLOCATION_DELAY is constant so
    ///      the queue is ordered by effectBlock. Entries before the head index are cleared.
    mapping(address => mapping(address => bytes32[])) internal _deallocQueue;
    mapping(address => mapping(address => uint256)) internal _deallocHead;
    mapping(address => DelayInfo) internal _delay;

    event AllocationDelaySet(address operator, uint32 delay, uint32 effectBlock);
    event SlasherUpdated(OperatorSet operatorSet, address slasher, uint32 effectBlock);
    // Mainnet emits this when migrating pre-v1.9 sets; there are none on the devnet (declared for ABI parity).
    event SlasherMigrated(OperatorSet operatorSet, address slasher);
    event AllocationUpdated(address operator, OperatorSet operatorSet, address strategy, uint64 magnitude, uint32 effectBlock);
    event EncumberedMagnitudeUpdated(address operator, address strategy, uint64 encumberedMagnitude);
    event MaxMagnitudeUpdated(address operator, address strategy, uint64 maxMagnitude);
    event OperatorSlashed(address operator, OperatorSet operatorSet, address[] strategies, uint256[] wadSlashed, string description);
    event AVSRegistrarSet(address avs, address registrar);
    event AVSMetadataURIUpdated(address indexed avs, string metadataURI);
    event OperatorSetCreated(OperatorSet operatorSet);
    event OperatorAddedToOperatorSet(address indexed operator, OperatorSet operatorSet);
    event OperatorRemovedFromOperatorSet(address indexed operator, OperatorSet operatorSet);
    event RedistributionAddressSet(OperatorSet operatorSet, address redistributionRecipient);
    event StrategyAddedToOperatorSet(OperatorSet operatorSet, address strategy);
    event StrategyRemovedFromOperatorSet(OperatorSet operatorSet, address strategy);

    constructor(address delegation_, uint32 deallocationDelay, uint32 allocationConfigDelay, uint32 slasherConfigDelay) {
        delegation = IDelegationCore(delegation_);
        DEALLOCATION_DELAY = deallocationDelay;
        ALLOCATION_CONFIGURATION_DELAY = allocationConfigDelay;
        SLASHER_CONFIGURATION_DELAY = slasherConfigDelay;
    }

    /// @dev The stored allocation with a pending change folded in once its effectBlock is reached
    ///      (mainnet's _getUpdatedAllocation). View-only: encumbered bookkeeping happens on writes.
    function _viewAllocation(address operator, bytes32 key, address strategy) internal view returns (Allocation memory a) {
        a = _alloc[operator][key][strategy];
        if (a.effectBlock != 0 && block.number >= a.effectBlock) {
            a.currentMagnitude = _add(a.currentMagnitude, a.pendingDiff);
            a.pendingDiff = 0;
            a.effectBlock = 0;
        }
    }

    function _maxMagnitude(address operator, address strategy) internal view returns (uint64) {
        MagSnap[] storage h = _maxMagHistory[operator][strategy];
        return h.length == 0 ? WAD : h[h.length - 1].value;
    }

    function _maxMagnitudeAt(address operator, address strategy, uint32 blockNumber) internal view returns (uint64) {
        MagSnap[] storage h = _maxMagHistory[operator][strategy];
        uint256 lo = 0;
        uint256 hi = h.length;
        while (lo < hi) {
            uint256 mid = (lo + hi) / 2;
            if (h[mid].blockNumber > blockNumber) hi = mid;
            else lo = mid + 1;
        }
        return hi == 0 ? WAD : h[hi - 1].value;
    }

    function _isSlashable(address operator, bytes32 key) internal view returns (bool) {
        RegStatus memory s = _reg[operator][key];
        return s.registered || block.number <= s.slashableUntil;
    }

    function _currentDelay(address operator) internal view returns (bool isSet, uint32 delay) {
        DelayInfo memory d = _delay[operator];
        if (d.effectBlock != 0 && block.number >= d.effectBlock) return (true, d.pendingDelay);
        return (d.isSet, d.delay);
    }

    function _recipient(bytes32 key) internal view returns (address) {
        address r = _recipients[key];
        return r == address(0) ? DEFAULT_BURN_ADDRESS : r;
    }

    function _add(uint64 a, int128 b) internal pure returns (uint64) {
        return uint64(uint128(int128(uint128(a)) + b));
    }
}
